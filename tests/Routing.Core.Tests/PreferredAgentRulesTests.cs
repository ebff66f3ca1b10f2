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
        Assert.True(PreferredAgentRules.WorthWaitingFor(AgentPresence.Available));
        Assert.True(PreferredAgentRules.WorthWaitingFor(AgentPresence.NotReady));
        Assert.False(PreferredAgentRules.WorthWaitingFor(AgentPresence.LoggedOut));
        Assert.False(PreferredAgentRules.WorthWaitingFor(null));
    }
}
