using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// A write the store refuses in the middle of a protocol changes nothing half way: the caller is told the store is
/// unavailable, no grain keeps in memory what it could not write, and the caller's retry completes the whole protocol.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class FailedWriteTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task An_accept_whose_queue_write_fails_is_not_half_done_and_its_retry_connects_the_contact()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("line", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("line", 1)]);
        await center.QueueSees("line", loggedIn: 1, available: 1);
        Assert.Equal(ContactState.Offered, (await center.Routed("call", "line", Channel.Voice)).State);

        StoreFaults.FailNextWrites(queue, QueueGrain.LineEntries);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => ana.AcceptOffer(center.Id("call")));

        // The queue dropped what it could not write. Its next activation reads the call as still offered to ana and not
        // answered; ana's own activation (woken by the queue) may already have reconciled its stored connection and told
        // the queue again, and then the call is answered and gone. One snapshot is one or the other, never half of each.
        var seen = (await Poll.Answered(queue.GetStats))!;
        Assert.Contains((seen.Waiting, seen.Offered, seen.Answered), new[] { (0, 1, 0L), (0, 0, 1L) });

        var retried = await Poll.Answered(() => ana.AcceptOffer(center.Id("call")));

        Assert.True(retried.IsOk, retried.Message);
        Assert.Equal(AssignmentPhase.Connected, retried.Value!.Phase);
        Assert.Equal((ContactState.Connected, center.Id("ana")), await ContactFields(center, "call"));
        var stats = (await queue.GetStats())!;
        Assert.Equal((0, 0, 1L), (stats.Waiting, stats.Offered, stats.Answered));
    }

    [Fact]
    public async Task A_complete_whose_customer_write_fails_is_finished_by_its_retry_and_the_history_keeps_the_contact()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("line", CallCenter.QueueOf(Channel.Voice));
        var ben = await center.CreateAgent("ben", CallCenter.ExclusiveVoice, [("line", 1)], wrapUp: new() { [Channel.Voice] = TimeSpan.Zero });
        await center.QueueSees("line", loggedIn: 1, available: 1);
        Assert.Equal(ContactState.Offered, (await center.Routed("call", "line", Channel.Voice, customer: "carla")).State);
        Assert.True((await ben.AcceptOffer(center.Id("call"))).IsOk);

        StoreFaults.FailNextWrites(center.Customer("carla"), "customer");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => ben.CompleteContact(center.Id("call"), "resolved"));

        // The agent still holds the call: its capacity is not freed until the whole completion is written.
        var held = Assert.Single((await Poll.Answered(ben.Get))!.Assignments);
        Assert.Equal(AssignmentPhase.Connected, held.Phase);

        var retried = await Poll.Answered(() => ben.CompleteContact(center.Id("call"), "resolved"));

        Assert.True(retried.IsOk, retried.Message);
        Assert.Empty((await ben.Get())!.Assignments);
        Assert.Equal((ContactState.Completed, center.Id("ben")), await ContactFields(center, "call"));
        var carla = await Poll.Answered(center.Customer("carla").Get);
        Assert.Empty(carla.InProgress);
        var record = Assert.Single(carla.History);
        Assert.Equal((center.Id("call"), ContactState.Completed, center.Id("ben")), (record.ContactId, record.Outcome, record.AgentId));
    }

    [Fact]
    public async Task A_presence_change_the_store_refuses_is_not_kept_in_memory()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("line", CallCenter.QueueOf(Channel.Voice));
        var eva = await center.CreateAgent("eva", CallCenter.ExclusiveVoice, [("line", 1)]);

        StoreFaults.FailNextWrites(eva, "agent");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => eva.SetPresence(AgentPresence.NotReady, "lunch"));

        Assert.Equal(AgentPresence.Available, (await Poll.Answered(eva.Get))!.Presence);
    }

    private static async Task<(ContactState, string?)> ContactFields(CallCenter center, string contact)
    {
        var view = (await Poll.Answered(center.Contact(contact).Get))!;
        return (view.State, view.AgentId);
    }
}
