namespace Routing.Core;

/// <summary>A contact in a queue's waiting list, waiting or reserved for an agent (offered).</summary>
/// <param name="Sequence">Arrival order within the queue; the final tie-breaker.</param>
/// <param name="OfferedTo">The agent holding an offer for it; an offered contact keeps its place in case the offer comes back.</param>
public sealed record WaitingContact(
    string ContactId,
    Channel Channel,
    int Priority,
    IReadOnlyList<SkillRequirement> RequiredSkills,
    DateTimeOffset EnqueuedAt,
    long Sequence,
    string? OfferedTo = null)
{
    public bool IsOffered => OfferedTo is not null;
}
