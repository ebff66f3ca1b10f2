namespace Routing.Core;

/// <summary>What a queue needs to know of an agent to pick work for it: skills, capacity and work held.</summary>
public sealed record AgentWorkView(
    string AgentId,
    IReadOnlyDictionary<string, int> Skills,
    CapacityProfile Capacity,
    IReadOnlyList<Channel> Held)
{
    public CapacityVerdict CanTake(Channel channel) => CapacityRules.Check(Capacity, Held, channel);
}
