namespace Routing.Core;

/// <summary>A contact held by an agent.</summary>
/// <param name="Until">When the phase ends on its own: the offer's expiry, or the end of wrap-up; null while connected.</param>
public sealed record Assignment(
    string ContactId,
    string QueueId,
    Channel Channel,
    AssignmentPhase Phase,
    DateTimeOffset Since,
    DateTimeOffset? Until);
