namespace Routing.Abstractions;

/// <summary>A queue an agent serves, with the agent's priority for it (1 is served first).</summary>
[GenerateSerializer, Immutable, Alias("routing.queue-membership")]
public sealed record QueueMembership([property: Id(0)] string QueueId, [property: Id(1)] int Priority);
