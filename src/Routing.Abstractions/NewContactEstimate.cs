namespace Routing.Abstractions;

/// <summary>What a caller about to join a queue may expect.</summary>
/// <param name="Wait">Expected wait; null when no agent able to serve the queue is available (no bound).</param>
/// <param name="ProbabilityWithinTarget">Chance of being answered within <paramref name="Target"/>, 0 to 1.</param>
/// <param name="Target">The queue's service-level target.</param>
[GenerateSerializer, Immutable, Alias("routing.new-contact-estimate")]
public sealed record NewContactEstimate(
    [property: Id(0)] TimeSpan? Wait,
    [property: Id(1)] double ProbabilityWithinTarget,
    [property: Id(2)] TimeSpan Target);
