using Routing.Core;

namespace Routing.Abstractions;

/// <summary>What an operator configures about an agent.</summary>
[GenerateSerializer, Immutable, Alias("routing.agent-definition")]
public sealed record AgentDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(2)] CapacityProfile Capacity,
    [property: Id(3)] IReadOnlyDictionary<Channel, TimeSpan> WrapUp,
    [property: Id(4)] IReadOnlyList<QueueMembership> Queues)
{
    /// <summary>The first setting outside <see cref="ConfigurationLimits"/>, or null when every one is within them.</summary>
    public string? FirstOutOfRange() =>
        WrapUp.Select(w => ConfigurationLimits.WrapUp.Refusal($"wrap_up for {w.Key.ToString().ToLowerInvariant()}", w.Value))
            .Concat(Capacity.Channels.Select(c => ConfigurationLimits.MaxConcurrent.Refusal($"capacity for {c.Key.ToString().ToLowerInvariant()}", c.Value.MaxConcurrent)))
            .Concat(Queues.Select(q => ConfigurationLimits.QueuePriority.Refusal($"priority for queue '{q.QueueId}'", q.Priority)))
            .FirstOrDefault(p => p is not null);

    /// <summary>Every setting brought within <see cref="ConfigurationLimits"/>: for one stored before they existed.</summary>
    public AgentDefinition WithinLimits() => this with
    {
        WrapUp = WrapUp.ToDictionary(w => w.Key, w => ConfigurationLimits.WrapUp.Clamp(w.Value)),
        Capacity = new CapacityProfile(Capacity.Channels.ToDictionary(
            c => c.Key, c => c.Value with { MaxConcurrent = ConfigurationLimits.MaxConcurrent.Clamp(c.Value.MaxConcurrent) })),
        Queues = [.. Queues.Select(q => q with { Priority = ConfigurationLimits.QueuePriority.Clamp(q.Priority) })],
    };
}
