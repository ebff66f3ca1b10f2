using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>Offer, accept, reject, expire, complete and wrap up, as an agent desktop drives them.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class OfferLifecycleTests(RoutingClusterFixture cluster)
{
    private static readonly SkillRequirement[] Sales3 = [new("sales", 3)];

    [Fact]
    public async Task A_return_that_overtakes_its_offers_hint_leaves_the_contact_waiting()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("overtaken", CallCenter.QueueOf(Channel.Voice));
        Assert.Equal(ContactState.Queued, (await center.Routed("call", "overtaken", Channel.Voice)).State);
        var contact = center.Contact("call");
        var offeredAt = DateTimeOffset.UtcNow;

        // The reject's return (interleaving) is heard before the one-way hint of the offer it returns.
        await contact.OfferReturned("ghost", "rejected", offeredAt);
        await contact.Offered("ghost", "offered to ghost", offeredAt);

        // A later offer is heard as usual: the contact is offered to it, not to the returned one.
        await contact.Offered("later", "offered to later", offeredAt.AddSeconds(1));
        await Poll.Eventually(async () => (await contact.Get())?.State == ContactState.Offered, Poll.Timeout, "the later offer heard");
        Assert.Equal("later", (await contact.Get())!.AgentId);
    }

    [Fact]
    public async Task Voice_call_is_offered_to_the_longest_idle_eligible_agent()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("sales", CallCenter.QueueOf(Channel.Voice) with { DefaultSkills = Sales3 });

        // Idle longest of all, but not skilled enough; then zoe, then adam (who would win a tie on agent id).
        await center.CreateAgent("novice", CallCenter.ExclusiveVoice, [("sales", 1)], CallCenter.Skills(("sales", 2)));
        var zoe = await center.CreateAgent("zoe", CallCenter.ExclusiveVoice, [("sales", 1)], CallCenter.Skills(("sales", 6)));
        await center.CreateAgent("adam", CallCenter.ExclusiveVoice, [("sales", 1)], CallCenter.Skills(("sales", 9)));
        await center.QueueSees("sales", loggedIn: 3, available: 3);

        var decision = await center.Routed("call", "sales", Channel.Voice);

        Assert.Equal(ContactState.Offered, decision.State);
        Assert.Equal(center.Id("zoe"), decision.AgentId);
        Assert.StartsWith($"offered to {center.Id("zoe")}: longest idle", decision.Reason, StringComparison.Ordinal);
        var offer = Assert.Single((await zoe.Get())!.Assignments);
        Assert.Equal((center.Id("call"), AssignmentPhase.Offered), (offer.Ticket.ContactId, offer.Phase));
        Assert.Equal([new SkillRequirement("sales", 3)], offer.Ticket.RequiredSkills);
        Assert.Empty(await center.HeldBy("adam"));
        Assert.Empty(await center.HeldBy("novice"));
    }

    [Fact]
    public async Task Call_completed_without_wrap_up_frees_the_agent_for_the_next_waiting_call_at_once()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], wrapUp: new() { [Channel.Voice] = TimeSpan.Zero });
        await center.QueueSees("voice", loggedIn: 1, available: 1);
        Assert.Equal(ContactState.Offered, (await center.Routed("first", "voice", Channel.Voice)).State);
        var next = await center.Routed("next", "voice", Channel.Voice);
        Assert.Equal((ContactState.Queued, 1), (next.State, next.Position));

        var accepted = await ana.AcceptOffer(center.Id("first"));

        Assert.True(accepted.IsOk, accepted.Message);
        Assert.Equal(AssignmentPhase.Connected, accepted.Value!.Phase);
        await Poll.Eventually(
            async () => (await center.Contact("first").Get())!.State == ContactState.Connected,
            Poll.Timeout,
            "the accepted call should be connected");
        var stats = (await queue.GetStats())!;
        Assert.Equal((1, 0, 1L), (stats.Waiting, stats.Offered, stats.Answered));

        var completed = await ana.CompleteContact(center.Id("first"), "resolved");

        Assert.True(completed.IsOk, completed.Message);
        Assert.Equal((center.Id("first"), AssignmentPhase.Completed, null), (completed.Value!.Ticket.ContactId, completed.Value.Phase, completed.Value.Until));
        var view = (await ana.Get())!;
        var offer = Assert.Single(view.Assignments);
        Assert.Equal((center.Id("next"), AssignmentPhase.Offered), (offer.Ticket.ContactId, offer.Phase));
        Assert.Equal(AgentActivity.Busy, view.Activity);
        Assert.Equal(center.Id("ana"), (await queue.GetContactStatus(center.Id("next"))).OfferedTo);
        var first = await Poll.Eventually(
            () => center.Contact("first").Get(),
            c => c!.HasEnded,
            "the completed call should end");
        Assert.Equal((ContactState.Completed, center.Id("ana")), (first!.State, first.AgentId));
        var nextView = await Poll.Eventually(
            () => center.Contact("next").Get(),
            c => c!.State == ContactState.Offered,
            "the next call should be told it is offered");
        Assert.Equal(center.Id("ana"), nextView!.AgentId);
        var history = Assert.Single((await center.Customer("customer-of-first").Get()).History);
        Assert.Equal((center.Id("first"), ContactState.Completed, center.Id("ana")), (history.ContactId, history.Outcome, history.AgentId));
    }

    [Fact]
    public async Task Call_completed_with_wrap_up_keeps_the_agent_until_wrap_up_ends_then_offers_the_next_waiting_call()
    {
        var wrapUp = TimeSpan.FromMilliseconds(400);
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], wrapUp: new() { [Channel.Voice] = wrapUp });
        await center.QueueSees("voice", loggedIn: 1, available: 1);
        Assert.Equal(ContactState.Offered, (await center.Routed("first", "voice", Channel.Voice)).State);
        Assert.Equal(ContactState.Queued, (await center.Routed("next", "voice", Channel.Voice)).State);
        Assert.True((await ana.AcceptOffer(center.Id("first"))).IsOk);

        var completed = await ana.CompleteContact(center.Id("first"), "resolved");

        Assert.True(completed.IsOk, completed.Message);
        var wrapping = completed.Value!;
        Assert.Equal(AssignmentPhase.WrapUp, wrapping.Phase);
        Assert.Equal(wrapping.Since + wrapUp, wrapping.Until);
        var during = (await ana.Get())!;
        Assert.Equal(AgentActivity.WrapUp, during.Activity);
        Assert.Equal(
            [(center.Id("first"), AssignmentPhase.WrapUp)],
            during.Assignments.Select(a => (a.Ticket.ContactId, a.Phase)));
        Assert.Equal(1, await center.PositionOf("voice", "next"));

        var after = await Poll.Eventually(
            () => ana.Get(),
            v => v!.Assignments.All(a => a.Ticket.ContactId != center.Id("first")),
            "wrap-up should end on its own");
        var offer = Assert.Single(after!.Assignments);
        Assert.Equal((center.Id("next"), AssignmentPhase.Offered), (offer.Ticket.ContactId, offer.Phase));
        Assert.True(offer.Since >= wrapping.Until, $"the next call was offered at {offer.Since:O}, before wrap-up ended at {wrapping.Until:O}");
        Assert.Equal(center.Id("ana"), (await queue.GetContactStatus(center.Id("next"))).OfferedTo);
        var first = await Poll.Eventually(() => center.Contact("first").Get(), c => c!.HasEnded, "the call should end after wrap-up");
        Assert.Equal(ContactState.Completed, first!.State);
    }

    [Fact]
    public async Task Rejected_offer_goes_back_to_its_place_and_the_agent_to_not_ready_missed()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("voice", loggedIn: 1, available: 0, notReady: 1);

        // ana cannot serve the first call (French), so she is offered the second, from the middle of the line.
        await center.Routed("french", "voice", Channel.Voice, skills: new SkillRequirement("french", 5));
        await center.Routed("middle", "voice", Channel.Voice);
        await center.Routed("last", "voice", Channel.Voice);
        Assert.Equal([1, 2, 3], await Positions(center, "french", "middle", "last"));
        var available = await ana.SetPresence(AgentPresence.Available, "");
        Assert.Equal([center.Id("middle")], available.Value!.Assignments.Select(a => a.Ticket.ContactId));
        Assert.Equal([1, null, 2], await Positions(center, "french", "middle", "last"));

        var rejected = await ana.RejectOffer(center.Id("middle"), "busy");

        Assert.True(rejected.IsOk, rejected.Message);
        Assert.Equal([1, 2, 3], await Positions(center, "french", "middle", "last"));
        var view = (await ana.Get())!;
        Assert.Equal((AgentPresence.NotReady, AgentActivity.NotReady), (view.Presence, view.Activity));
        Assert.StartsWith("missed", view.NotReadyReason, StringComparison.Ordinal);
        Assert.Empty(view.Assignments);
        var stats = (await queue.GetStats())!;
        Assert.Equal((3, 0, 1L), (stats.Waiting, stats.Offered, stats.OffersMade));
        var middle = await Poll.Eventually(
            () => center.Contact("middle").Get(),
            c => c!.State == ContactState.Queued,
            "the rejected call should be told it is back in line");
        Assert.Null(middle!.AgentId);
    }

    [Fact]
    public async Task Expired_offer_goes_back_to_its_place_and_the_agent_to_not_ready_missed()
    {
        var offerTimeout = ConfigurationLimits.OfferTimeout.Min;
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice) with { OfferTimeout = offerTimeout });
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "break");
        await center.QueueSees("voice", loggedIn: 1, available: 0, notReady: 1);
        await center.Routed("french", "voice", Channel.Voice, skills: new SkillRequirement("french", 5));
        await center.Routed("middle", "voice", Channel.Voice);
        await center.Routed("last", "voice", Channel.Voice);

        var available = await ana.SetPresence(AgentPresence.Available, "");

        var offer = Assert.Single(available.Value!.Assignments);
        Assert.Equal(center.Id("middle"), offer.Ticket.ContactId);
        Assert.Equal(offer.Since + offerTimeout, offer.Until);
        var view = await Poll.Eventually(
            () => ana.Get(),
            v => v!.Presence == AgentPresence.NotReady,
            "the unanswered offer should expire and put the agent in not ready");
        Assert.StartsWith("missed", view!.NotReadyReason, StringComparison.Ordinal);
        Assert.Empty(view.Assignments);
        Assert.Equal([1, 2, 3], await Positions(center, "french", "middle", "last"));
        var stats = (await queue.GetStats())!;
        Assert.Equal((3, 0, 1L), (stats.Waiting, stats.Offered, stats.OffersMade));
        var middle = await Poll.Eventually(
            () => center.Contact("middle").Get(),
            c => c!.State == ContactState.Queued,
            "the expired call should be told it is back in line");
        Assert.Null(middle!.AgentId);
    }

    [Fact]
    public async Task Accepting_another_agents_offer_fails_with_failed_precondition_and_changes_nothing()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var ana = await center.CreateAgent("ana", CallCenter.ExclusiveVoice, [("voice", 1)]);
        var ben = await center.CreateAgent("ben", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "training");
        await center.QueueSees("voice", loggedIn: 2, available: 1, notReady: 1);
        Assert.Equal(center.Id("ana"), (await center.Routed("call", "voice", Channel.Voice)).AgentId);
        var anaBefore = (await ana.Get())!;
        var benBefore = (await ben.Get())!;
        var contactBefore = await Poll.Eventually(
            () => center.Contact("call").Get(),
            c => c!.State == ContactState.Offered,
            "the call should be offered");

        var stolen = await ben.AcceptOffer(center.Id("call"));

        Assert.Equal(ReplyStatus.FailedPrecondition, stolen.Status);
        Assert.Null(stolen.Value);
        var anaAfter = (await ana.Get())!;
        Assert.Equal(anaBefore.Version, anaAfter.Version);
        Assert.Equal(
            anaBefore.Assignments.Select(a => (a.Ticket.ContactId, a.Phase, a.Since, a.Until)),
            anaAfter.Assignments.Select(a => (a.Ticket.ContactId, a.Phase, a.Since, a.Until)));
        Assert.Equal([(center.Id("call"), AssignmentPhase.Offered)], anaAfter.Assignments.Select(a => (a.Ticket.ContactId, a.Phase)));
        var benAfter = (await ben.Get())!;
        Assert.Equal(benBefore.Version, benAfter.Version);
        Assert.Empty(benAfter.Assignments);
        Assert.Equal((AgentPresence.NotReady, "training"), (benAfter.Presence, benAfter.NotReadyReason));
        Assert.Equal(center.Id("ana"), (await queue.GetContactStatus(center.Id("call"))).OfferedTo);
        var stats = (await queue.GetStats())!;
        Assert.Equal((0, 1, 0L), (stats.Waiting, stats.Offered, stats.Answered));
        var contactAfter = (await center.Contact("call").Get())!;
        Assert.Equal((contactBefore!.Version, ContactState.Offered, center.Id("ana")), (contactAfter.Version, contactAfter.State, contactAfter.AgentId));
    }

    private static async Task<int?[]> Positions(CallCenter center, params string[] contacts)
    {
        var positions = new int?[contacts.Length];
        for (var i = 0; i < contacts.Length; i++)
        {
            positions[i] = await center.PositionOf("voice", contacts[i]);
        }

        return positions;
    }
}
