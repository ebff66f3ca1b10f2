namespace Routing.Core.Tests;

public class AgentActivityRulesTests
{
    [Theory]
    [InlineData(AgentPresence.LoggedOut, 0, 0, AgentActivity.LoggedOut)]
    [InlineData(AgentPresence.LoggedOut, 1, 1, AgentActivity.LoggedOut)]
    [InlineData(AgentPresence.Available, 0, 0, AgentActivity.Idle)]
    [InlineData(AgentPresence.NotReady, 0, 0, AgentActivity.NotReady)]
    [InlineData(AgentPresence.Available, 1, 0, AgentActivity.Busy)]
    [InlineData(AgentPresence.Available, 3, 2, AgentActivity.Busy)]
    [InlineData(AgentPresence.NotReady, 1, 0, AgentActivity.Busy)] // not ready stops new work, not the work held
    [InlineData(AgentPresence.Available, 2, 2, AgentActivity.WrapUp)]
    [InlineData(AgentPresence.NotReady, 1, 1, AgentActivity.WrapUp)]
    public void Activity_combines_presence_with_the_work_held(AgentPresence presence, int held, int heldInWrapUp, AgentActivity expected) =>
        Assert.Equal(expected, AgentActivityRules.Of(presence, held, heldInWrapUp));

    [Fact]
    public void More_contacts_in_wrap_up_than_held_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentActivityRules.Of(AgentPresence.Available, 1, 2));

    [Fact]
    public void A_missed_offer_sets_the_agent_not_ready_and_says_why()
    {
        Assert.Equal(AgentPresence.NotReady, MissedOffer.Presence);
        Assert.Equal("missed: offer expired", MissedOffer.NotReadyReason("offer expired"));
        Assert.Throws<ArgumentException>(() => MissedOffer.NotReadyReason(" "));
    }
}
