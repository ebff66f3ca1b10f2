using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class PreferredAgentRulesTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void A_customer_served_within_the_period_waits_for_the_same_agent_for_a_while()
    {
        Assert.Equal(("ana", T0 + Seconds(30)), PreferredAgentRules.ForReturningCustomer("ana", T0 - TimeSpan.FromDays(6), T0, Week, Seconds(30)));
    }

    [Fact]
    public void No_preference_for_a_new_customer_an_old_contact_or_with_sticky_routing_off()
    {
        Assert.Equal((null, null), PreferredAgentRules.ForReturningCustomer(null, null, T0, Week, Seconds(30)));
        Assert.Equal((null, null), PreferredAgentRules.ForReturningCustomer("ana", T0 - TimeSpan.FromDays(8), T0, Week, Seconds(30)));
        Assert.Equal((null, null), PreferredAgentRules.ForReturningCustomer("ana", T0 - Seconds(60), T0, TimeSpan.Zero, Seconds(30)));
        Assert.Equal((null, null), PreferredAgentRules.ForReturningCustomer("ana", T0 - Seconds(60), T0, Week, TimeSpan.Zero));
    }

    [Fact]
    public void The_preferred_agent_is_worth_waiting_for_only_while_logged_in_to_the_queue()
    {
        Assert.True(PreferredAgentRules.WorthWaitingFor(Member(AgentPresence.Available), Channel.Chat, []));
        Assert.True(PreferredAgentRules.WorthWaitingFor(Member(AgentPresence.NotReady), Channel.Chat, []));
        Assert.False(PreferredAgentRules.WorthWaitingFor(Member(AgentPresence.LoggedOut), Channel.Chat, []));
        Assert.False(PreferredAgentRules.WorthWaitingFor(null, Channel.Chat, []));
    }

    [Fact]
    public void The_preferred_agent_is_not_waited_for_when_it_could_never_take_the_contact()
    {
        var voiceOnly = Member(AgentPresence.Available) with { Capacity = CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true))) };

        Assert.False(PreferredAgentRules.WorthWaitingFor(voiceOnly, Channel.Chat, []));
        Assert.True(PreferredAgentRules.WorthWaitingFor(voiceOnly, Channel.Voice, []));
        Assert.False(PreferredAgentRules.WorthWaitingFor(Member(AgentPresence.Available), Channel.Chat, [new SkillRequirement("french", 3)]));
    }

    // Busy with a chat right now still counts: the agent can take this contact once free.
    private static QueueMember Member(AgentPresence presence) => new(
        "ana",
        1,
        presence,
        new Dictionary<string, int>(StringComparer.Ordinal) { ["english"] = 5 },
        CapacityProfile.Of((Channel.Chat, new ChannelCapacity(1))),
        [Channel.Chat],
        T0);
}
