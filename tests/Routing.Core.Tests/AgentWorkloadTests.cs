using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class AgentWorkloadTests
{
    private static readonly TimeSpan OfferTimeout = Seconds(20);

    [Fact]
    public void Reserved_offer_holds_capacity_until_it_expires_or_is_answered()
    {
        var workload = new AgentWorkload(Digital);

        var offered = workload.Reserve("c1", "q-support", Channel.Chat, T0, T0 + OfferTimeout);

        Assert.Equal(new Assignment("c1", "q-support", Channel.Chat, AssignmentPhase.Offered, T0, T0 + OfferTimeout), offered);
        Assert.Equal(offered, workload.Get("c1"));
        Assert.Equal([Channel.Chat], workload.Held);
        Assert.False(workload.IsIdle);
    }

    [Fact]
    public void Accept_then_complete_without_wrap_up_frees_the_capacity_at_once()
    {
        var workload = new AgentWorkload(VoiceOnly);
        workload.Reserve("c1", "q-support", Channel.Voice, T0, T0 + OfferTimeout);

        var connected = workload.Accept("c1", T0 + Seconds(5));
        Assert.Equal(new Assignment("c1", "q-support", Channel.Voice, AssignmentPhase.Connected, T0 + Seconds(5), null), connected);
        Assert.Equal(connected, workload.Get("c1"));
        Assert.Equal(CapacityVerdict.BlockedByExclusiveWork, workload.CanTake(Channel.Voice));

        var completed = workload.Complete("c1", T0 + Seconds(65), TimeSpan.Zero);

        Assert.Equal(new Assignment("c1", "q-support", Channel.Voice, AssignmentPhase.Completed, T0 + Seconds(65), null), completed);
        Assert.Null(workload.Get("c1"));
        Assert.True(workload.IsIdle);
        Assert.Empty(workload.Held);
        Assert.Equal(CapacityVerdict.Free, workload.CanTake(Channel.Voice));
    }

    [Fact]
    public void Complete_with_wrap_up_keeps_the_capacity_until_wrap_up_ends()
    {
        var workload = new AgentWorkload(Blended);
        workload.Reserve("c1", "q-support", Channel.Voice, T0, T0 + OfferTimeout);
        workload.Accept("c1", T0 + Seconds(5));

        var wrapping = workload.Complete("c1", T0 + Seconds(65), Seconds(30));

        var expected = new Assignment("c1", "q-support", Channel.Voice, AssignmentPhase.WrapUp, T0 + Seconds(65), T0 + Seconds(95));
        Assert.Equal(expected, wrapping);
        Assert.Equal(expected, workload.Get("c1"));
        Assert.Equal(CapacityVerdict.BlockedByExclusiveWork, workload.CanTake(Channel.Chat));

        var ended = workload.EndWrapUp("c1");

        Assert.Equal(expected, ended);
        Assert.True(workload.IsIdle);
        Assert.Equal(CapacityVerdict.Free, workload.CanTake(Channel.Voice));
    }

    [Fact]
    public void Released_offer_frees_its_capacity_and_leaves_the_rest()
    {
        var workload = new AgentWorkload(Digital);
        workload.Reserve("c1", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        var second = workload.Reserve("c2", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        workload.Reserve("c3", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        Assert.Equal(CapacityVerdict.AtChannelCapacity, workload.CanTake(Channel.Chat));

        var released = workload.ReleaseOffer("c2");

        Assert.Equal(second, released);
        Assert.Equal(["c1", "c3"], workload.Assignments.Select(a => a.ContactId).Order(StringComparer.Ordinal));
        Assert.Equal(CapacityVerdict.Free, workload.CanTake(Channel.Chat));
    }

    [Theory]
    [InlineData("accept", "c-connected", "contact 'c-connected' is connected and cannot be accepted")]
    [InlineData("accept", "c-wrap", "contact 'c-wrap' is wrapup and cannot be accepted")]
    [InlineData("complete", "c-offered", "contact 'c-offered' is offered and cannot be completed")]
    [InlineData("complete", "c-wrap", "contact 'c-wrap' is wrapup and cannot be completed")]
    [InlineData("end-wrap-up", "c-offered", "contact 'c-offered' is Offered, not in wrap-up")]
    [InlineData("end-wrap-up", "c-connected", "contact 'c-connected' is Connected, not in wrap-up")]
    [InlineData("release", "c-connected", "contact 'c-connected' is Connected, not offered")]
    [InlineData("release", "c-wrap", "contact 'c-wrap' is WrapUp, not offered")]
    [InlineData("accept", "c-unknown", "contact 'c-unknown' is not held by this agent")]
    [InlineData("complete", "c-unknown", "contact 'c-unknown' is not held by this agent")]
    [InlineData("end-wrap-up", "c-unknown", "contact 'c-unknown' is not held by this agent")]
    [InlineData("release", "c-unknown", "contact 'c-unknown' is not held by this agent")]
    public void Transition_from_the_wrong_phase_is_refused_and_changes_nothing(string operation, string contactId, string message)
    {
        var workload = new AgentWorkload(Digital);
        workload.Reserve("c-offered", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        workload.Reserve("c-connected", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        workload.Accept("c-connected", T0 + Seconds(3));
        workload.Reserve("c-wrap", "q-email", Channel.Email, T0, T0 + OfferTimeout);
        workload.Accept("c-wrap", T0 + Seconds(4));
        workload.Complete("c-wrap", T0 + Seconds(40), Seconds(60));
        var before = Snapshot(workload);

        var error = Assert.Throws<RoutingRuleException>(() => Apply(workload, operation, contactId));

        Assert.Equal(RuleViolation.FailedPrecondition, error.Violation);
        Assert.Equal(message, error.Message);
        Assert.Equal(before, Snapshot(workload));
    }

    [Theory]
    [InlineData(Channel.Chat, "agent cannot take Chat: AtChannelCapacity")]
    [InlineData(Channel.Voice, "agent cannot take Voice: ChannelNotHandled")]
    public void Reserve_beyond_capacity_is_refused_and_changes_nothing(Channel channel, string message)
    {
        var workload = new AgentWorkload(Digital);
        workload.Reserve("c1", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        workload.Reserve("c2", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        workload.Reserve("c3", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        var before = Snapshot(workload);

        var error = Assert.Throws<RoutingRuleException>(
            () => workload.Reserve("c4", "q-chat", channel, T0, T0 + OfferTimeout));

        Assert.Equal(RuleViolation.FailedPrecondition, error.Violation);
        Assert.Equal(message, error.Message);
        Assert.Equal(before, Snapshot(workload));
        Assert.Null(workload.Get("c4"));
    }

    [Fact]
    public void Call_is_refused_while_the_agent_holds_a_chat()
    {
        var workload = new AgentWorkload(Blended);
        workload.Reserve("c1", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        var before = Snapshot(workload);

        var error = Assert.Throws<RoutingRuleException>(
            () => workload.Reserve("c2", "q-voice", Channel.Voice, T0, T0 + OfferTimeout));

        Assert.Equal(RuleViolation.FailedPrecondition, error.Violation);
        Assert.Equal("agent cannot take Voice: ExclusiveNeedsIdleAgent", error.Message);
        Assert.Equal(before, Snapshot(workload));
    }

    [Fact]
    public void Email_is_refused_while_the_agent_is_on_a_call_even_in_wrap_up()
    {
        var workload = new AgentWorkload(Blended);
        workload.Reserve("c1", "q-voice", Channel.Voice, T0, T0 + OfferTimeout);
        workload.Accept("c1", T0 + Seconds(2));
        workload.Complete("c1", T0 + Seconds(100), Seconds(30));
        var before = Snapshot(workload);

        var error = Assert.Throws<RoutingRuleException>(
            () => workload.Reserve("c2", "q-email", Channel.Email, T0, T0 + OfferTimeout));

        Assert.Equal("agent cannot take Email: BlockedByExclusiveWork", error.Message);
        Assert.Equal(before, Snapshot(workload));
    }

    [Fact]
    public void Reserving_a_contact_the_agent_already_holds_is_refused()
    {
        var workload = new AgentWorkload(Digital);
        workload.Reserve("c1", "q-chat", Channel.Chat, T0, T0 + OfferTimeout);
        var before = Snapshot(workload);

        var error = Assert.Throws<RoutingRuleException>(
            () => workload.Reserve("c1", "q-email", Channel.Email, T0 + Seconds(1), T0 + Seconds(21)));

        Assert.Equal(RuleViolation.FailedPrecondition, error.Violation);
        Assert.Equal("contact 'c1' is already held by this agent", error.Message);
        Assert.Equal(before, Snapshot(workload));
    }

    [Fact]
    public void Workload_restored_from_held_assignments_counts_them_against_capacity()
    {
        var held = new Assignment("c1", "q-voice", Channel.Voice, AssignmentPhase.Connected, T0, null);

        var workload = new AgentWorkload(Blended, [held]);

        Assert.Equal(held, workload.Get("c1"));
        Assert.Equal(CapacityVerdict.BlockedByExclusiveWork, workload.CanTake(Channel.Chat));
    }

    private static void Apply(AgentWorkload workload, string operation, string contactId)
    {
        var now = T0 + Seconds(50);
        _ = operation switch
        {
            "accept" => workload.Accept(contactId, now),
            "complete" => workload.Complete(contactId, now, Seconds(10)),
            "end-wrap-up" => workload.EndWrapUp(contactId),
            "release" => workload.ReleaseOffer(contactId),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
        };
    }

    private static List<Assignment> Snapshot(AgentWorkload workload) =>
        workload.Assignments.OrderBy(a => a.ContactId, StringComparer.Ordinal).ToList();

    [Fact]
    public void A_new_profile_that_drops_a_held_channel_is_refused_and_changes_nothing()
    {
        var workload = new AgentWorkload(Blended);
        workload.Reserve("call", "q", Channel.Voice, T0, T0 + OfferTimeout);

        var refused = Assert.Throws<RoutingRuleException>(() => workload.ChangeProfile(Digital));

        Assert.Equal(RuleViolation.FailedPrecondition, refused.Violation);
        Assert.Equal("the agent holds voice contact 'call'; the new capacity profile must keep voice", refused.Message);
        Assert.Equal(1, workload.Profile.For(Channel.Voice).MaxConcurrent);
        Assert.Equal(CapacityVerdict.BlockedByExclusiveWork, workload.CanTake(Channel.Chat));
    }

    [Fact]
    public void A_new_profile_that_keeps_the_held_channels_applies_at_once()
    {
        var workload = new AgentWorkload(Digital);
        workload.Reserve("chat-1", "q", Channel.Chat, T0, T0 + OfferTimeout);
        var single = CapacityProfile.Of((Channel.Chat, new ChannelCapacity(1)));

        workload.ChangeProfile(single);

        Assert.Same(single, workload.Profile);
        Assert.Equal(CapacityVerdict.AtChannelCapacity, workload.CanTake(Channel.Chat));
    }
}
