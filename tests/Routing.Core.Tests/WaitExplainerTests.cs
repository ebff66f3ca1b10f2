using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class WaitExplainerTests
{
    private static readonly SkillRequirement[] Billing7 = Needs(("billing", 7));

    [Fact]
    public void Queue_without_agents_says_so()
    {
        Assert.Equal("no agent serves this queue", WaitExplainer.Explain([], Channel.Chat, Billing7, 1));
    }

    [Fact]
    public void Queue_whose_agents_are_all_logged_out_says_so()
    {
        QueueMember[] members =
        [
            Member("a", presence: AgentPresence.LoggedOut, skills: Skills(("billing", 9))),
            Member("b", presence: AgentPresence.LoggedOut),
            Member("c", presence: AgentPresence.LoggedOut),
        ];

        Assert.Equal(
            "none of the 3 agents serving this queue is logged in",
            WaitExplainer.Explain(members, Channel.Chat, Billing7, 1));
    }

    [Fact]
    public void Skill_no_logged_in_agent_has_is_named()
    {
        QueueMember[] members =
        [
            Member("junior", presence: AgentPresence.Available, skills: Skills(("billing", 6), ("spanish", 8))),
            Member("away-expert", presence: AgentPresence.LoggedOut, skills: Skills(("billing", 9), ("spanish", 9))),
        ];

        Assert.Equal(
            "no logged-in agent has billing >= 7",
            WaitExplainer.Explain(members, Channel.Chat, Needs(("spanish", 5), ("billing", 7)), 1));
    }

    [Fact]
    public void Skills_no_single_logged_in_agent_combines_are_listed()
    {
        QueueMember[] members =
        [
            Member("biller", skills: Skills(("billing", 9))),
            Member("speaker", presence: AgentPresence.NotReady, skills: Skills(("spanish", 9))),
        ];

        Assert.Equal(
            "no logged-in agent has all of billing >= 7, spanish >= 5",
            WaitExplainer.Explain(members, Channel.Chat, Needs(("billing", 7), ("spanish", 5)), 1));
    }

    [Fact]
    public void Skilled_agents_that_do_not_take_the_channel_are_counted()
    {
        QueueMember[] members =
        [
            Member("a", skills: Skills(("billing", 7)), capacity: Digital),
            Member("b", presence: AgentPresence.NotReady, skills: Skills(("billing", 8)), capacity: Digital),
            Member("c", skills: Skills(("billing", 2)), capacity: VoiceOnly),
        ];

        Assert.Equal(
            "none of the 2 logged-in agents with the skills takes voice",
            WaitExplainer.Explain(members, Channel.Voice, Billing7, 1));
    }

    [Fact]
    public void Eligible_agents_all_not_ready_are_counted()
    {
        QueueMember[] members =
        [
            Member("a", presence: AgentPresence.NotReady, skills: Skills(("billing", 7))),
            Member("b", presence: AgentPresence.NotReady, skills: Skills(("billing", 8))),
            Member("c", presence: AgentPresence.LoggedOut, skills: Skills(("billing", 9))),
            Member("d", skills: Skills(("billing", 9)), capacity: VoiceOnly),
        ];

        Assert.Equal("all 2 eligible agents are not ready", WaitExplainer.Explain(members, Channel.Chat, Billing7, 1));
    }

    [Fact]
    public void Eligible_agents_all_at_channel_capacity_are_counted()
    {
        var skilled = Skills(("billing", 7));
        Channel[] threeChats = [Channel.Chat, Channel.Chat, Channel.Chat];
        QueueMember[] members =
        [
            Member("a", skills: skilled, held: threeChats),
            Member("b", skills: skilled, held: threeChats),
            Member("c", skills: skilled, held: [.. threeChats, Channel.Email]),
            Member("d", skills: skilled, held: threeChats),
            Member("e", presence: AgentPresence.NotReady, skills: skilled),
        ];

        Assert.Equal("all 4 eligible agents at chat capacity", WaitExplainer.Explain(members, Channel.Chat, Billing7, 1));
    }

    [Fact]
    public void Busy_agents_are_broken_down_by_what_holds_them()
    {
        var skilled = Skills(("billing", 7));
        var sharedVoice = CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1)), (Channel.Chat, new ChannelCapacity(2)));
        QueueMember[] members =
        [
            Member("at-limit", skills: skilled, capacity: sharedVoice, held: [Channel.Voice]),
            Member("on-call", skills: skilled, capacity: Blended, held: [Channel.Voice]),
            Member("chatting", skills: skilled, capacity: Blended, held: [Channel.Chat]),
            Member("mailing", skills: skilled, capacity: Blended, held: [Channel.Email]),
            Member("away", presence: AgentPresence.NotReady, skills: skilled, capacity: Blended),
        ];

        Assert.Equal(
            "all 4 eligible available agents are busy: 1 at voice capacity, 1 on an exclusive call, 2 still holding other work that voice must wait for",
            WaitExplainer.Explain(members, Channel.Voice, Billing7, 1));
    }

    [Fact]
    public void Free_agents_with_contacts_ahead_say_how_many_are_ahead()
    {
        var skilled = Skills(("billing", 7));
        QueueMember[] members =
        [
            Member("a", skills: skilled),
            Member("b", skills: skilled, held: [Channel.Chat]),
            Member("c", skills: skilled, held: [Channel.Chat, Channel.Chat, Channel.Chat]),
        ];

        Assert.Equal(
            "2 eligible agents are free but 2 contacts are ahead in line",
            WaitExplainer.Explain(members, Channel.Chat, Billing7, 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(null)]
    public void Free_agents_with_nobody_ahead_are_being_offered_the_contact(int? position)
    {
        var skilled = Skills(("billing", 7));
        QueueMember[] members = [Member("a", skills: skilled), Member("b", skills: skilled)];

        Assert.Equal(
            "2 eligible agents are free: an offer is being made",
            WaitExplainer.Explain(members, Channel.Chat, Billing7, position));
    }

    [Fact]
    public void A_single_agent_is_named_in_the_singular()
    {
        var busy = Member("solo", capacity: Digital, held: [Channel.Chat, Channel.Chat, Channel.Chat]);
        var free = Member("solo", capacity: Digital);

        Assert.Equal("the only eligible agent is at chat capacity", WaitExplainer.Explain([busy], Channel.Chat, [], 1));
        Assert.Equal("the only agent serving this queue is not logged in", WaitExplainer.Explain([busy with { Presence = AgentPresence.LoggedOut }], Channel.Chat, [], 1));
        Assert.Equal("the only eligible agent is not ready", WaitExplainer.Explain([busy with { Presence = AgentPresence.NotReady }], Channel.Chat, [], 1));
        Assert.Equal("1 eligible agent is free but 1 contact is ahead in line", WaitExplainer.Explain([free], Channel.Chat, [], 2));
    }

    [Fact]
    public void An_agent_wrapping_up_a_call_is_said_to_be_in_wrap_up()
    {
        var wrapping = Member("a", capacity: Blended, held: [Channel.Voice]) with { HeldInWrapUp = 1 };
        var onCall = Member("b", capacity: Blended, held: [Channel.Voice]);

        Assert.Equal("the only eligible available agent is busy: 1 in wrap-up", WaitExplainer.Explain([wrapping], Channel.Chat, [], 1));
        Assert.Equal(
            "all 2 eligible available agents are busy: 1 on an exclusive call, 1 in wrap-up",
            WaitExplainer.Explain([wrapping, onCall], Channel.Chat, [], 1));
    }
}
