using System.Globalization;
using BenchmarkDotNet.Attributes;
using Routing.Core;

namespace Routing.CoreBench;

/// <summary>
/// A queue with 1,000 members, all available, skilled enough and with free capacity, choosing whom to offer an
/// arriving chat: the filter and ranking QueueGrain runs on every arrival (FreeEligible, then Rank).
/// </summary>
[MemoryDiagnoser]
public class AgentSelectionBenchmarks
{
    private const int AgentCount = 1_000;
    private const int SkillsPerAgent = 10;

    // Round robin resumes after this agent, halfway through the ids, so both halves of its order are built.
    private const string LastOfferedAgentId = "agent-0500";

    private readonly IReadOnlyList<SkillRequirement> requirements =
    [
        new(SkillNames.Of(0), 5),
        new(SkillNames.Of(3), 5),
        new(SkillNames.Of(7), 5),
    ];

    private QueueMember[] members = [];

    [ParamsAllValues]
    public AgentSelectionStrategy Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Fixed seed: every run ranks the same population. Shuffled so the sort does not start from its answer.
        var random = new Random(20_261_123);
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var capacity = CapacityProfile.Of((Channel.Chat, new ChannelCapacity(3)), (Channel.Email, new ChannelCapacity(2, Interruptible: true)));
        members = [.. Enumerable.Range(0, AgentCount).Select(i => new QueueMember(
            AgentId: "agent-" + i.ToString("D4", CultureInfo.InvariantCulture),
            QueuePriority: 1 + (i % 2),
            Presence: AgentPresence.Available,
            // Levels 5 to 10 so every agent qualifies yet best-proficiency has scores to tell apart.
            Skills: Enumerable.Range(0, SkillsPerAgent).ToDictionary(SkillNames.Of, s => 5 + ((i + s) % 6)),
            Capacity: capacity,
            // Up to two of three chats held: still free for one more, and occupancy differs between agents.
            Held: [.. Enumerable.Repeat(Channel.Chat, i % 3)],
            IdleSince: now - TimeSpan.FromSeconds(random.Next(0, 3_600))))];
        random.Shuffle(members);

        // The case measured is a choice among 1,000: a setup where some drop out would measure a smaller one.
        var eligible = AgentSelector.FreeEligible(members, Channel.Chat, requirements).Count;
        if (eligible != AgentCount)
        {
            throw new InvalidOperationException($"{eligible} of {AgentCount} agents qualify; all should");
        }
    }

    [Benchmark]
    public IReadOnlyList<RankedAgent> RankFreeAgents()
    {
        var free = AgentSelector.FreeEligible(members, Channel.Chat, requirements);
        return AgentSelector.Rank(Strategy, free, requirements, LastOfferedAgentId);
    }
}
