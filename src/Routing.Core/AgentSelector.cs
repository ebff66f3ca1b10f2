using System.Globalization;

namespace Routing.Core;

/// <summary>Chooses which free, eligible agent a queue offers an arriving contact to, and says why.</summary>
public static class AgentSelector
{
    /// <summary>Agents that could take the contact right now: available, skilled enough, with free capacity.</summary>
    public static IReadOnlyList<QueueMember> FreeEligible(
        IEnumerable<QueueMember> members, Channel channel, IReadOnlyList<SkillRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members
            .Where(m => m.Presence == AgentPresence.Available
                && m.CanTake(channel) == CapacityVerdict.Free
                && Eligibility.IsEligible(m.Skills, requirements))
            .ToList();
    }

    /// <summary>
    /// Orders candidates: the agent's priority for the queue first (1 before 2), then the queue's strategy,
    /// then agent id so equal candidates are always ordered the same way.
    /// </summary>
    public static IReadOnlyList<RankedAgent> Rank(
        AgentSelectionStrategy strategy,
        IReadOnlyList<QueueMember> candidates,
        IReadOnlyList<SkillRequirement> requirements,
        string? lastRoundRobinAgentId)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(requirements);
        var byTier = candidates.OrderBy(c => c.QueuePriority);
        IOrderedEnumerable<QueueMember> ordered = strategy switch
        {
            AgentSelectionStrategy.LongestIdle => byTier.ThenBy(c => c.IdleSince),
            AgentSelectionStrategy.BestProficiency => byTier
                .ThenByDescending(c => Eligibility.FitScore(c.Skills, requirements))
                .ThenBy(c => c.IdleSince),
            AgentSelectionStrategy.LeastOccupied => byTier
                .ThenBy(c => CapacityRules.Occupancy(c.Capacity, c.Held))
                .ThenBy(c => c.IdleSince),
            AgentSelectionStrategy.RoundRobin => byTier
                .ThenBy(c => RoundRobinDistance(c.AgentId, lastRoundRobinAgentId)),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown agent-selection strategy"),
        };

        return ordered
            .ThenBy(c => c.AgentId, StringComparer.Ordinal)
            .Select(c => new RankedAgent(c.AgentId, Reason(strategy, c, requirements)))
            .ToList();
    }

    // Agents after the last one offered come first (in id order), then the rest wrap around.
    private static int RoundRobinDistance(string agentId, string? last) =>
        last is null || string.CompareOrdinal(agentId, last) > 0 ? 0 : 1;

    private static string Reason(AgentSelectionStrategy strategy, QueueMember agent, IReadOnlyList<SkillRequirement> requirements)
    {
        var rule = strategy switch
        {
            AgentSelectionStrategy.LongestIdle =>
                string.Create(CultureInfo.InvariantCulture, $"longest idle (idle since {agent.IdleSince.UtcDateTime:HH:mm:ss} UTC)"),
            AgentSelectionStrategy.BestProficiency =>
                string.Create(CultureInfo.InvariantCulture, $"best proficiency (score {Eligibility.FitScore(agent.Skills, requirements)} on {string.Join(", ", requirements.Select(r => r.Skill))})"),
            AgentSelectionStrategy.LeastOccupied =>
                string.Create(CultureInfo.InvariantCulture, $"least occupied ({CapacityRules.Occupancy(agent.Capacity, agent.Held):P0} of capacity in use)"),
            AgentSelectionStrategy.RoundRobin => "round robin (next after the last agent offered)",
            _ => strategy.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{rule}; queue priority {agent.QueuePriority}");
    }
}
