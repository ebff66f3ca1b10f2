using Routing.Core;

namespace Routing.Abstractions;

/// <summary>What an operator configures about an agent.</summary>
[GenerateSerializer, Immutable, Alias("routing.agent-definition")]
public sealed record AgentDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(2)] CapacityProfile Capacity,
    [property: Id(3)] IReadOnlyDictionary<Channel, TimeSpan> WrapUp,
    [property: Id(4)] IReadOnlyList<QueueMembership> Queues);
