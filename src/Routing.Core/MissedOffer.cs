namespace Routing.Core;

/// <summary>
/// An agent who lets an offer expire (or rejects it) is set not ready, with the reason shown to supervisors, so the
/// next contact is not offered to a desk nobody is at.
/// </summary>
public static class MissedOffer
{
    /// <summary>The presence an agent has after missing an offer.</summary>
    public const AgentPresence Presence = AgentPresence.NotReady;

    /// <summary>The not-ready reason shown for a miss of <paramref name="reason"/> ("offer expired", "rejected: ...").</summary>
    public static string NotReadyReason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return $"missed: {reason}";
    }
}
