namespace Routing.Core;

/// <summary>A contact in a queue's waiting list, waiting or reserved for an agent (offered).</summary>
/// <param name="Sequence">Arrival order within the queue; the final tie-breaker.</param>
/// <param name="OfferedTo">The agent holding an offer for it; an offered contact keeps its place in case the offer comes back.</param>
/// <param name="ReservedFor">A preferred agent (who served the customer last, or a transfer's target) it waits for first.</param>
/// <param name="ReservedUntil">After this, any eligible agent may take it.</param>
/// <param name="IsCallback">A callback: the customer is not on the line, so it keeps its place without holding the line.</param>
public sealed record WaitingContact(
    string ContactId,
    Channel Channel,
    int Priority,
    IReadOnlyList<SkillRequirement> RequiredSkills,
    DateTimeOffset EnqueuedAt,
    long Sequence,
    string? OfferedTo = null,
    string? ReservedFor = null,
    DateTimeOffset? ReservedUntil = null,
    bool IsCallback = false)
{
    public bool IsOffered => OfferedTo is not null;

    /// <summary>Still held for its preferred agent at <paramref name="now"/>.</summary>
    public bool IsReservedAt(DateTimeOffset now) => ReservedFor is not null && now < ReservedUntil;

    /// <summary>Whether <paramref name="agentId"/> may take it at <paramref name="now"/> as far as a reservation goes.</summary>
    public bool IsOpenTo(string agentId, DateTimeOffset now) => !IsReservedAt(now) || ReservedFor == agentId;
}
