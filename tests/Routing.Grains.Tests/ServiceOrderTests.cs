using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>Which waiting contact a freed agent takes: contact priority within a queue, queue priority across queues.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class ServiceOrderTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task Higher_priority_contact_queued_after_a_lower_one_is_offered_first()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("voice", loggedIn: 1, available: 0, notReady: 1);
        Assert.Equal(1, (await center.Routed("low", "voice", Channel.Voice, priority: 10)).Position);

        var urgent = await center.Routed("urgent", "voice", Channel.Voice, priority: 50);

        Assert.Equal((ContactState.Queued, 1), (urgent.State, urgent.Position));
        Assert.Equal(2, await center.PositionOf("voice", "low"));

        var available = await ana.SetPresence(AgentPresence.Available, "");

        Assert.Equal([center.Id("urgent")], available.Value!.Assignments.Select(a => a.Ticket.ContactId));
        Assert.Equal(1, await center.PositionOf("voice", "low"));
        var offered = await Poll.Eventually(
            () => center.Contact("urgent").Get(),
            c => c!.State == ContactState.Offered,
            "the urgent call should be told it is offered");
        Assert.Equal(center.Id("ana"), offered!.AgentId);
    }

    [Fact]
    public async Task Agent_takes_from_its_priority_1_queue_first_and_from_its_priority_2_queue_when_the_first_is_empty()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("primary", CallCenter.QueueOf(Channel.Voice));
        await center.CreateQueue("overflow", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent(
            "ana", CallCenter.ExclusiveVoice, [("primary", 1), ("overflow", 2)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("primary", loggedIn: 1, available: 0, notReady: 1);
        await center.QueueSees("overflow", loggedIn: 1, available: 0, notReady: 1);

        // The overflow call waited longer and is more urgent; the agent's queue priority still comes first.
        await center.Routed("overflow-call", "overflow", Channel.Voice, priority: 90);
        await center.Routed("primary-call", "primary", Channel.Voice, priority: 10);

        var available = await ana.SetPresence(AgentPresence.Available, "");

        Assert.Equal([center.Id("primary-call")], available.Value!.Assignments.Select(a => a.Ticket.ContactId));
        Assert.Equal(1, await center.PositionOf("overflow", "overflow-call"));

        Assert.True((await ana.AcceptOffer(center.Id("primary-call"))).IsOk);
        Assert.True((await ana.CompleteContact(center.Id("primary-call"), "resolved")).IsOk);

        var view = (await ana.Get())!;
        var offer = Assert.Single(view.Assignments);
        Assert.Equal((center.Id("overflow-call"), center.Id("overflow"), AssignmentPhase.Offered), (offer.Ticket.ContactId, offer.Ticket.QueueId, offer.Phase));
        Assert.Equal(center.Id("ana"), (await center.Queue("overflow").GetContactStatus(center.Id("overflow-call"))).OfferedTo);
    }
}
