namespace Routing.Abstractions;

/// <summary>Where a contact stands in its queue.</summary>
/// <param name="Explanation">Why no agent has taken it yet, in plain words.</param>
[GenerateSerializer, Immutable, Alias("routing.contact-queue-status")]
public sealed record ContactQueueStatus(
    [property: Id(0)] bool InQueue,
    [property: Id(1)] int? Position,
    [property: Id(2)] TimeSpan? EstimatedWait,
    [property: Id(3)] string? OfferedTo,
    [property: Id(4)] string Explanation);
