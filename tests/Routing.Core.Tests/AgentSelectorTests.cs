using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class AgentSelectorTests
{
    private static readonly SkillRequirement[] Billing = Needs(("billing", 5));

    [Fact]
    public void Free_eligible_keeps_only_available_skilled_agents_with_room_for_the_channel()
    {
        var skilled = Skills(("billing", 6));
        QueueMember[] members =
        [
            Member("ready", skills: skilled),
            Member("not-ready", presence: AgentPresence.NotReady, skills: skilled),
            Member("logged-out", presence: AgentPresence.LoggedOut, skills: skilled),
            Member("chats-full", skills: skilled, held: [Channel.Chat, Channel.Chat, Channel.Chat]),
            Member("too-junior", skills: Skills(("billing", 4))),
            Member("no-billing", skills: Skills(("sales", 9))),
            Member("voice-only", skills: skilled, capacity: VoiceOnly),
            Member("on-a-call", skills: skilled, capacity: Blended, held: [Channel.Voice]),
            Member("two-chats", skills: skilled, held: [Channel.Chat, Channel.Chat, Channel.Email]),
        ];

        var free = AgentSelector.FreeEligible(members, Channel.Chat, Billing);

        Assert.Equal(["ready", "two-chats"], free.Select(m => m.AgentId));
    }

    [Fact]
    public void Longest_idle_offers_the_agent_idle_the_longest_first()
    {
        QueueMember[] candidates =
        [
            Member("a", idleSince: T0 + Seconds(300)),
            Member("b", idleSince: T0 + Seconds(60)),
            Member("c", idleSince: T0 + Seconds(180)),
        ];

        var ranked = AgentSelector.Rank(AgentSelectionStrategy.LongestIdle, candidates, [], null);

        Assert.Equal(["b", "c", "a"], ranked.Select(r => r.AgentId));
        Assert.Equal("longest idle (idle since 09:01:00 UTC); queue priority 1", ranked[0].Reason);
    }

    [Fact]
    public void Best_proficiency_offers_the_best_fit_first_then_the_longest_idle()
    {
        var requirements = Needs(("billing", 5), ("spanish", 3));
        QueueMember[] candidates =
        [
            Member("a", skills: Skills(("billing", 6), ("spanish", 3)), idleSince: T0),
            Member("b", skills: Skills(("billing", 9), ("spanish", 5)), idleSince: T0 + Seconds(20)),
            Member("c", skills: Skills(("billing", 7), ("spanish", 7), ("sales", 10)), idleSince: T0 + Seconds(10)),
        ];

        var ranked = AgentSelector.Rank(AgentSelectionStrategy.BestProficiency, candidates, requirements, null);

        Assert.Equal(["c", "b", "a"], ranked.Select(r => r.AgentId));
        Assert.Equal("best proficiency (score 14 on billing, spanish); queue priority 1", ranked[0].Reason);
        Assert.Equal("best proficiency (score 9 on billing, spanish); queue priority 1", ranked[2].Reason);
    }

    [Fact]
    public void Least_occupied_offers_the_agent_using_the_smallest_share_of_its_capacity_first()
    {
        QueueMember[] candidates =
        [
            Member("a", held: [Channel.Chat, Channel.Email], idleSince: T0 - Seconds(600)),
            Member("b", held: [], idleSince: T0),
            Member("c", held: [Channel.Email], idleSince: T0),
            Member("d", capacity: CapacityProfile.Of((Channel.Chat, new ChannelCapacity(4))), held: [Channel.Chat], idleSince: T0),
        ];

        var ranked = AgentSelector.Rank(AgentSelectionStrategy.LeastOccupied, candidates, [], null);

        Assert.Equal(["b", "c", "d", "a"], ranked.Select(r => r.AgentId));
        Assert.Equal("least occupied (0 % of capacity in use); queue priority 1", ranked[0].Reason);
        Assert.Equal("least occupied (20 % of capacity in use); queue priority 1", ranked[1].Reason);
        Assert.Equal("least occupied (25 % of capacity in use); queue priority 1", ranked[2].Reason);
        Assert.Equal("least occupied (40 % of capacity in use); queue priority 1", ranked[3].Reason);
    }

    [Fact]
    public void Least_occupied_breaks_equal_occupancy_by_longest_idle()
    {
        QueueMember[] candidates =
        [
            Member("a", held: [Channel.Chat], idleSince: T0 + Seconds(30)),
            Member("b", held: [Channel.Email], idleSince: T0),
        ];

        var ranked = AgentSelector.Rank(AgentSelectionStrategy.LeastOccupied, candidates, [], null);

        Assert.Equal(["b", "a"], ranked.Select(r => r.AgentId));
    }

    [Theory]
    [InlineData(null, "a,b,c,d")]
    [InlineData("a", "b,c,d,a")]
    [InlineData("b", "c,d,a,b")]
    [InlineData("bb", "c,d,a,b")]
    [InlineData("d", "a,b,c,d")]
    [InlineData("z", "a,b,c,d")]
    public void Round_robin_starts_after_the_last_agent_offered_and_wraps_around(string? last, string expected)
    {
        QueueMember[] candidates = [Member("c"), Member("a"), Member("d"), Member("b")];

        var ranked = AgentSelector.Rank(AgentSelectionStrategy.RoundRobin, candidates, [], last);

        Assert.Equal(expected.Split(','), ranked.Select(r => r.AgentId));
        Assert.All(ranked, r => Assert.Equal("round robin (next after the last agent offered); queue priority 1", r.Reason));
    }

    [Theory]
    [InlineData(AgentSelectionStrategy.LongestIdle)]
    [InlineData(AgentSelectionStrategy.BestProficiency)]
    [InlineData(AgentSelectionStrategy.LeastOccupied)]
    [InlineData(AgentSelectionStrategy.RoundRobin)]
    public void Agent_priority_for_the_queue_comes_before_the_strategy(AgentSelectionStrategy strategy)
    {
        // The overflow agent wins every strategy's own comparison, but it serves this queue at priority 2.
        QueueMember[] candidates =
        [
            Member("overflow-expert", queuePriority: 2, skills: Skills(("billing", 10)), idleSince: T0 - Seconds(3600)),
            Member("primary-busy", queuePriority: 1, skills: Skills(("billing", 5)), held: [Channel.Chat, Channel.Chat], idleSince: T0),
        ];

        var ranked = AgentSelector.Rank(strategy, candidates, Billing, lastRoundRobinAgentId: null);

        Assert.Equal(["primary-busy", "overflow-expert"], ranked.Select(r => r.AgentId));
        Assert.EndsWith("; queue priority 1", ranked[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("; queue priority 2", ranked[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentSelectionStrategy.LongestIdle)]
    [InlineData(AgentSelectionStrategy.BestProficiency)]
    [InlineData(AgentSelectionStrategy.LeastOccupied)]
    [InlineData(AgentSelectionStrategy.RoundRobin)]
    public void Equal_candidates_are_ordered_by_agent_id(AgentSelectionStrategy strategy)
    {
        QueueMember[] candidates =
        [
            Member("c", skills: Skills(("billing", 5))),
            Member("B", skills: Skills(("billing", 5))),
            Member("a", skills: Skills(("billing", 5))),
        ];

        var ranked = AgentSelector.Rank(strategy, candidates, Billing, null);

        Assert.Equal(["B", "a", "c"], ranked.Select(r => r.AgentId));
    }

    [Fact]
    public void No_candidates_rank_to_an_empty_list()
    {
        Assert.Empty(AgentSelector.Rank(AgentSelectionStrategy.LongestIdle, [], Billing, null));
    }

    [Fact]
    public void Unknown_strategy_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => AgentSelector.Rank((AgentSelectionStrategy)99, [Member("a")], [], null));
    }
}
