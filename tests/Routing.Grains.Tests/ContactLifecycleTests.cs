using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>A contact routed once however often it is retried, cancelled cleanly, and seen with its customer's other contacts.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class ContactLifecycleTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task Retried_route_of_a_waiting_contact_returns_the_first_decision_and_queues_it_once()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("voice", loggedIn: 1, available: 0, notReady: 1);
        var first = await center.Routed("call", "voice", Channel.Voice);
        Assert.Equal((ContactState.Queued, 1), (first.State, first.Position));

        var again = await center.Routed("call", "voice", Channel.Voice);
        var together = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => center.Routed("call", "voice", Channel.Voice)));

        Assert.Equal(first, again);
        Assert.All(together, d => Assert.Equal(first, d));
        var stats = (await queue.GetStats())!;
        Assert.Equal((1, 0), (stats.Waiting, stats.Offered));
        Assert.Equal(2, (await center.Routed("other", "voice", Channel.Voice)).Position);
        Assert.Equal([center.Id("call")], (await center.Customer("customer-of-call").Get()).InProgress);
    }

    [Fact]
    public async Task Route_retried_after_the_contact_record_was_lost_keeps_the_arrival_its_place_in_line_was_given_by()
    {
        // As after a silo died between the queue's write and the contact's: the queue holds the first ticket, the
        // contact grain starts over and stamps a new arrival time.
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("voice", loggedIn: 1, available: 0, notReady: 1);
        var firstArrival = DateTimeOffset.UtcNow.AddMinutes(-1);
        var firstTicket = new ContactTicket(center.Id("lost"), center.Id("voice"), Channel.Voice, center.Id("customer-of-lost"), ContactPriority.Default, [], new Dictionary<string, string>(), firstArrival);
        Assert.True((await queue.Enqueue(firstTicket)).Reply.IsOk);
        await center.Routed("later", "voice", Channel.Voice);

        var retried = await center.Routed("lost", "voice", Channel.Voice);

        Assert.Equal((ContactState.Queued, 1), (retried.State, retried.Position));
        Assert.Equal(firstArrival, (await center.Contact("lost").Get())!.Ticket.ArrivedAt);
        Assert.Equal((2, 2), ((await queue.GetStats())!.Waiting, (await center.Routed("later", "voice", Channel.Voice)).Position));
    }

    [Fact]
    public async Task Retried_route_of_an_offered_contact_returns_the_first_decision_and_offers_it_once()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        await center.CreateAgent("ana", CallCenter.Chats(3), [("chat", 1)]);
        await center.QueueSees("chat", loggedIn: 1, available: 1);
        var first = await center.Routed("chat", "chat", Channel.Chat);
        Assert.Equal((ContactState.Offered, center.Id("ana")), (first.State, first.AgentId));

        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => center.Routed("chat", "chat", Channel.Chat)));

        Assert.All(retries, d => Assert.Equal(first, d));
        Assert.Equal([center.Id("chat")], await center.HeldBy("ana"));
        var stats = (await queue.GetStats())!;
        Assert.Equal((0, 1, 1L), (stats.Waiting, stats.Offered, stats.OffersMade));
    }

    [Fact]
    public async Task Cancelled_waiting_contact_is_abandoned_removed_from_the_queue_and_recorded_in_the_customer_history()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("voice", loggedIn: 1, available: 0, notReady: 1);
        await center.Routed("leaving", "voice", Channel.Voice, customer: "carol");
        await center.Routed("staying", "voice", Channel.Voice);

        var cancelled = await center.Contact("leaving").Cancel();

        Assert.True(cancelled.IsOk, cancelled.Message);
        Assert.Equal(ContactState.Abandoned, cancelled.Value!.State);
        Assert.NotNull(cancelled.Value.EndedAt);
        Assert.Equal(ContactState.Abandoned, (await center.Contact("leaving").Get())!.State);
        var status = await queue.GetContactStatus(center.Id("leaving"));
        Assert.False(status.InQueue);
        Assert.Equal(1, await center.PositionOf("voice", "staying"));
        var stats = (await queue.GetStats())!;
        Assert.Equal((1, 0, 1L), (stats.Waiting, stats.Offered, stats.Abandoned));
        var carol = await center.Customer("carol").Get();
        Assert.Empty(carol.InProgress);
        var record = Assert.Single(carol.History);
        Assert.Equal(
            (center.Id("leaving"), Channel.Voice, center.Id("voice"), (string?)null, ContactState.Abandoned, TimeSpan.Zero),
            (record.ContactId, record.Channel, record.QueueId, record.AgentId, record.Outcome, record.HandleTime));

        // Cancelling again changes nothing: a contact ends once.
        var again = await center.Contact("leaving").Cancel();
        Assert.Equal((ContactState.Abandoned, cancelled.Value.EndedAt), (again.Value!.State, again.Value.EndedAt));
        Assert.Single((await center.Customer("carol").Get()).History);
    }

    [Fact]
    public async Task Cancelled_offered_contact_frees_the_agents_capacity_without_putting_it_in_not_ready()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)]);
        await center.QueueSees("voice", loggedIn: 1, available: 1);
        Assert.Equal(center.Id("ana"), (await center.Routed("hang-up", "voice", Channel.Voice)).AgentId);

        var cancelled = await center.Contact("hang-up").Cancel();

        Assert.True(cancelled.IsOk, cancelled.Message);
        Assert.Equal(ContactState.Abandoned, cancelled.Value!.State);
        var view = (await ana.Get())!;
        Assert.Empty(view.Assignments);
        Assert.Equal((AgentPresence.Available, string.Empty, AgentActivity.Idle), (view.Presence, view.NotReadyReason, view.Activity));
        Assert.False((await queue.GetContactStatus(center.Id("hang-up"))).InQueue);
        var stats = (await queue.GetStats())!;
        Assert.Equal((0, 0, 1L, 0L), (stats.Waiting, stats.Offered, stats.Abandoned, stats.Answered));

        // The freed capacity is really free: the next call goes straight to her.
        await center.QueueSees("voice", loggedIn: 1, available: 1);
        var next = await center.Routed("next", "voice", Channel.Voice);
        Assert.Equal((ContactState.Offered, center.Id("ana")), (next.State, next.AgentId));
    }

    [Fact]
    public async Task Customer_calling_twice_is_flagged_on_both_contacts()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice, Channel.Chat));
        await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.Routed("call", "voice", Channel.Voice, customer: "dave");

        await center.Routed("chat", "voice", Channel.Chat, customer: "dave");

        Assert.Equal([center.Id("call")], (await center.Contact("chat").Get())!.OtherContactsInProgress);

        // The first contact asks its customer, which knows of the second.
        Assert.Equal([center.Id("chat")], (await center.Contact("call").Get())!.OtherContactsInProgress);
        Assert.Equal([center.Id("call"), center.Id("chat")], (await center.Customer("dave").Get()).InProgress);
    }

    [Fact]
    public async Task A_hang_up_racing_the_answer_learns_from_the_queue_which_agent_answered()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var agent = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)]);
        await center.QueueSees("voice", loggedIn: 1, available: 1);
        var call = await center.Routed("call", "voice", Channel.Voice);
        Assert.Equal(ContactState.Offered, call.State);
        Assert.True((await agent.AcceptOffer(center.Id("call"))).IsOk);

        var abandon = await queue.Abandon(center.Id("call"));

        Assert.Equal((ReplyStatus.FailedPrecondition, center.Id("ana")), (abandon.Status, abandon.Value));
        Assert.Equal(1L, (await queue.GetStats())!.Answered);
        Assert.Equal(0L, (await queue.GetStats())!.Abandoned);
    }

    [Fact]
    public async Task A_customer_hanging_up_a_connected_call_ends_it_and_frees_the_agent()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var agent = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)]);
        await center.QueueSees("voice", loggedIn: 1, available: 1);
        await center.Routed("call", "voice", Channel.Voice);
        Assert.True((await agent.AcceptOffer(center.Id("call"))).IsOk);

        await center.Contact("call").Cancel();

        var ended = await Poll.Eventually(
            () => center.Contact("call").Get(),
            c => c!.HasEnded,
            "the hung-up call to end");
        Assert.Equal((ContactState.Completed, "customer ended", center.Id("ana")), (ended!.State, ended.Reason, ended.AgentId));
        Assert.Empty((await agent.Get())!.Assignments);
    }
}
