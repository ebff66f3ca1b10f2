using Orleans.Storage;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// A queue stores its line one entry per contact: joining, being offered and leaving each write that contact's
/// entry alone and never the queue's state, and a queue stored the old way (its whole line in its state) moves
/// the line to entries when it activates.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class QueueLineEntriesTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task Contacts_joining_being_offered_and_leaving_write_their_own_entries_and_never_the_queue_state()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("line", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("line", 1)]);
        await center.QueueSees("line", loggedIn: 1, available: 1);
        var configured = await StoredQueue(queue);

        Assert.Equal(ContactState.Offered, (await center.Routed("first", "line", Channel.Voice)).State);
        Assert.Equal(ContactState.Queued, (await center.Routed("second", "line", Channel.Voice)).State);
        Assert.Equal(ContactState.Queued, (await center.Routed("third", "line", Channel.Voice)).State);
        Assert.True((await ana.AcceptOffer(center.Id("first"))).IsOk);

        var entries = await cluster.Entries.ReadEntriesAsync<QueuedContact>(QueueGrain.LineEntries, queue.GetGrainId());
        Assert.Equal([center.Id("second"), center.Id("third")], entries.OrderBy(e => e.Value.Sequence).Select(e => e.Key));
        Assert.All(entries, e => Assert.Equal(e.Key, e.Value.Ticket.ContactId));
        var after = await StoredQueue(queue);
        Assert.Equal(configured.ETag, after.ETag);
        Assert.Null(after.State!.Contacts);
    }

    [Fact]
    public async Task A_queue_stored_with_its_whole_line_in_its_state_moves_the_line_to_entries_when_it_activates()
    {
        var center = new CallCenter(cluster.Client);
        var queue = center.Queue("old");
        var waiting = new ContactTicket(center.Id("waiting"), center.Id("old"), Channel.Voice, center.Id("carla"), 0, [], new Dictionary<string, string>(), DateTimeOffset.UtcNow);
        var legacy = new QueueState { Definition = CallCenter.QueueOf(Channel.Voice), Contacts = [new QueuedContact(waiting, 7, null)] };
        await cluster.Storage.WriteStateAsync("queue", queue.GetGrainId(), new GrainState<QueueState>(legacy));

        var status = await queue.GetContactStatus(center.Id("waiting"));

        Assert.Equal((true, 1), (status.InQueue, status.Position));
        var entry = Assert.Single(await cluster.Entries.ReadEntriesAsync<QueuedContact>(QueueGrain.LineEntries, queue.GetGrainId()));
        Assert.Equal((center.Id("waiting"), 7L), (entry.Key, entry.Value.Sequence));
        Assert.Null((await StoredQueue(queue)).State!.Contacts);
    }

    private async Task<GrainState<QueueState>> StoredQueue(IQueueGrain queue)
    {
        var stored = new GrainState<QueueState>();
        await cluster.Storage.ReadStateAsync("queue", queue.GetGrainId(), stored);
        return stored;
    }
}
