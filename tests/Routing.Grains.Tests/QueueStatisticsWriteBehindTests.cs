using Routing.Abstractions;
using Orleans.Storage;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// A queue's statistics are written behind its line, never with a contact's write: a refused statistics write
/// touches no contact, keeps the counts in memory, and is tried again until they reach the store.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class QueueStatisticsWriteBehindTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task A_refused_statistics_write_loses_no_count_and_is_written_again()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("line", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("line", 1)]);
        await center.QueueSees("line", loggedIn: 1, available: 1);
        StoreFaults.FailNextWrites(queue, "queue-statistics");

        Assert.Equal(ContactState.Offered, (await center.Routed("call", "line", Channel.Voice)).State);
        var accepted = await ana.AcceptOffer(center.Id("call"));

        // The contact's protocol never waits for the statistics: the accept is done before their flush is tried.
        Assert.True(accepted.IsOk, accepted.Message);
        await Poll.Eventually(() => Task.FromResult(StoreFaults.Pending(queue, "queue-statistics") == 0), Poll.Timeout, "the queue tried to write its statistics");
        var stats = (await queue.GetStats())!;
        Assert.Equal((0, 0, 1L), (stats.Waiting, stats.Offered, stats.Answered));

        var stored = await Poll.Eventually(() => StoredStatistics(queue), s => s.Answered == 1, "the counts reach the store on a later flush");
        Assert.Equal((1L, 0L, center.Id("ana")), (stored.OffersMade, stored.Abandoned, stored.LastOfferedAgentId));
    }

    private async Task<QueueStatisticsState> StoredStatistics(IQueueGrain queue)
    {
        var stored = new GrainState<QueueStatisticsState>();
        await cluster.Storage.ReadStateAsync("queue-statistics", queue.GetGrainId(), stored);
        return stored.State ?? new QueueStatisticsState();
    }
}
