namespace Routing.Core;

/// <summary>
/// The work an agent holds and the only place capacity is granted: <see cref="Reserve"/> refuses anything the
/// profile does not allow, so no sequence of calls can put the agent over capacity.
/// </summary>
public sealed class AgentWorkload
{
    private readonly Dictionary<string, Assignment> assignments = new(StringComparer.Ordinal);

    public AgentWorkload(CapacityProfile profile, IEnumerable<Assignment>? held = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        foreach (var assignment in held ?? [])
        {
            assignments.Add(assignment.ContactId, assignment);
        }
    }

    public CapacityProfile Profile { get; private set; }

    public IReadOnlyCollection<Assignment> Assignments => assignments.Values;

    public IReadOnlyList<Channel> Held => assignments.Values.Select(a => a.Channel).ToList();

    public bool IsIdle => assignments.Count == 0;

    /// <summary>
    /// Changes the capacity profile; refused when the new profile no longer takes a channel whose work the
    /// agent holds, since that work would stop counting against any capacity.
    /// </summary>
    public void ChangeProfile(CapacityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var orphaned = assignments.Values.FirstOrDefault(a => profile.For(a.Channel).MaxConcurrent <= 0);
        if (orphaned is not null)
        {
            throw new RoutingRuleException(
                RuleViolation.FailedPrecondition,
                $"the agent holds {orphaned.Channel.ToString().ToLowerInvariant()} contact '{orphaned.ContactId}'; the new capacity profile must keep {orphaned.Channel.ToString().ToLowerInvariant()}");
        }

        Profile = profile;
    }

    public Assignment? Get(string contactId) => assignments.GetValueOrDefault(contactId);

    public CapacityVerdict CanTake(Channel channel) => CapacityRules.Check(Profile, Held, channel);

    public Assignment Reserve(string contactId, string queueId, Channel channel, DateTimeOffset now, DateTimeOffset offerExpiresAt)
    {
        if (assignments.ContainsKey(contactId))
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"contact '{contactId}' is already held by this agent");
        }

        var verdict = CanTake(channel);
        if (verdict != CapacityVerdict.Free)
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"agent cannot take {channel}: {verdict}");
        }

        var assignment = new Assignment(contactId, queueId, channel, AssignmentPhase.Offered, now, offerExpiresAt);
        assignments.Add(contactId, assignment);
        return assignment;
    }

    public Assignment Accept(string contactId, DateTimeOffset now) =>
        Transition(contactId, AssignmentPhase.Offered, a => a with { Phase = AssignmentPhase.Connected, Since = now, Until = null }, "accepted");

    /// <summary>
    /// Ends the contact. With a wrap-up time the capacity stays held until wrap-up ends (phase WrapUp);
    /// without, it is released at once (phase Completed).
    /// </summary>
    public Assignment Complete(string contactId, DateTimeOffset now, TimeSpan wrapUp)
    {
        if (wrapUp > TimeSpan.Zero)
        {
            return Transition(
                contactId,
                AssignmentPhase.Connected,
                a => a with { Phase = AssignmentPhase.WrapUp, Since = now, Until = now + wrapUp },
                "completed");
        }

        var connected = Require(contactId);
        if (connected.Phase != AssignmentPhase.Connected)
        {
            throw new RoutingRuleException(
                RuleViolation.FailedPrecondition,
                $"contact '{contactId}' is {connected.Phase.ToString().ToLowerInvariant()} and cannot be completed");
        }

        assignments.Remove(contactId);
        return connected with { Phase = AssignmentPhase.Completed, Since = now, Until = null };
    }

    public Assignment EndWrapUp(string contactId)
    {
        var assignment = Require(contactId);
        if (assignment.Phase != AssignmentPhase.WrapUp)
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"contact '{contactId}' is {assignment.Phase}, not in wrap-up");
        }

        assignments.Remove(contactId);
        return assignment;
    }

    /// <summary>Drops an offer (rejected, expired or withdrawn) and frees its capacity.</summary>
    public Assignment ReleaseOffer(string contactId)
    {
        var assignment = Require(contactId);
        if (assignment.Phase != AssignmentPhase.Offered)
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"contact '{contactId}' is {assignment.Phase}, not offered");
        }

        assignments.Remove(contactId);
        return assignment;
    }

    private Assignment Transition(string contactId, AssignmentPhase from, Func<Assignment, Assignment> change, string verb)
    {
        var assignment = Require(contactId);
        if (assignment.Phase != from)
        {
            throw new RoutingRuleException(
                RuleViolation.FailedPrecondition,
                $"contact '{contactId}' is {assignment.Phase.ToString().ToLowerInvariant()} and cannot be {verb}");
        }

        var updated = change(assignment);
        assignments[contactId] = updated;
        return updated;
    }

    private Assignment Require(string contactId) =>
        assignments.GetValueOrDefault(contactId)
        ?? throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"contact '{contactId}' is not held by this agent");
}
