namespace Routing.Core;

/// <summary>The best contact one queue has for an agent, to be compared with other queues' picks.</summary>
/// <param name="QueuePriority">The agent's priority for this queue: 1 is served first.</param>
public sealed record ContactPick(
    string QueueId,
    string ContactId,
    Channel Channel,
    int QueuePriority,
    double EffectivePriority,
    DateTimeOffset EnqueuedAt);
