using System.Collections.Concurrent;
using Routing.Api.V1;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// What must hold after a crash and restart, given what the clients were told before it. Each check answers the
/// broken promises in words, so a failure lists them all at once.
/// </summary>
internal static class RouterInvariants
{
    /// <summary>
    /// Capacity as the agent's desktop sees it: only its channel, at most its maximum at once (offered, connected or
    /// wrapping up all hold capacity), and an exclusive channel alone.
    /// </summary>
    public static IEnumerable<string> CapacityViolations(Agent view, CrashAgent profile)
    {
        var held = view.Assignments.Where(a => a.Phase is AssignmentPhase.Offered or AssignmentPhase.Connected or AssignmentPhase.WrapUp).ToList();
        var foreign = held.Where(a => a.Channel != profile.Channel).ToList();
        if (foreign.Count > 0)
        {
            yield return $"agent {view.AgentId} holds {string.Join(", ", foreign.Select(a => $"{a.Channel} {a.ContactId}"))} but has capacity for {profile.Channel} only";
        }

        var onChannel = held.Count(a => a.Channel == profile.Channel);
        if (onChannel > profile.MaxConcurrent)
        {
            yield return $"agent {view.AgentId} holds {onChannel} {profile.Channel} contacts, over its capacity of {profile.MaxConcurrent}: {Describe(view)}";
        }

        if (profile.Exclusive && onChannel > 0 && held.Count > onChannel)
        {
            yield return $"agent {view.AgentId} holds other work beside an exclusive {profile.Channel} contact: {Describe(view)}";
        }
    }

    /// <summary>All checks of the restored state against the ledger: no problems when every promise held.</summary>
    /// <param name="window">When the test began and when its traffic ended, after the kill: every arrival time lies between.</param>
    public static CrashVerdict Check(
        CrashLedger ledger,
        RouterSnapshot snapshot,
        IReadOnlyList<CrashAgent> roster,
        string queueId,
        (DateTimeOffset Start, DateTimeOffset End) window)
    {
        var verdict = new CrashVerdict([], []);
        var holders = Holders(snapshot, verdict.Problems);
        CheckContacts(ledger, snapshot, holders, queueId, window, verdict);
        CheckAgents(ledger, snapshot, roster, verdict.Problems);
        CheckWaitingOrder(ledger, snapshot, verdict.Problems);
        CheckQueueCount(ledger, snapshot, verdict);
        return verdict;
    }

    /// <summary>Who holds each contact, in which phase; a contact held twice is a problem.</summary>
    private static Dictionary<string, (string AgentId, AssignmentPhase Phase)> Holders(RouterSnapshot snapshot, List<string> problems)
    {
        var holders = new Dictionary<string, (string AgentId, AssignmentPhase Phase)>(StringComparer.Ordinal);
        foreach (var agent in snapshot.Agents.Values)
        {
            foreach (var assignment in agent.Assignments)
            {
                if (holders.TryGetValue(assignment.ContactId, out var other))
                {
                    problems.Add($"contact {assignment.ContactId} is held by two agents: {other.AgentId} ({other.Phase}) and {agent.AgentId} ({assignment.Phase})");
                    continue;
                }

                holders[assignment.ContactId] = (agent.AgentId, assignment.Phase);
            }
        }

        return holders;
    }

    private static void CheckContacts(
        CrashLedger ledger,
        RouterSnapshot snapshot,
        Dictionary<string, (string AgentId, AssignmentPhase Phase)> holders,
        string queueId,
        (DateTimeOffset Start, DateTimeOffset End) window,
        CrashVerdict verdict)
    {
        var problems = verdict.Problems;
        foreach (var (contactId, routed) in ledger.Routed)
        {
            if (!snapshot.Contacts.ContainsKey(contactId))
            {
                problems.Add($"contact {contactId} vanished: its RouteContact returned {routed.Outcome} (position {routed.Position}, agent '{routed.AgentId}')");
            }

            if (routed.Outcome is not (RouteOutcome.Queued or RouteOutcome.Offered))
            {
                problems.Add($"contact {contactId} was {routed.Outcome} at routing; the test queue takes every contact");
            }
        }

        // Contacts whose route was in flight may exist or not; those that exist obey the same rules.
        foreach (var contact in snapshot.Contacts.Values)
        {
            var plan = ledger.Attempted[contact.ContactId];
            if ((contact.Channel, contact.Priority, contact.QueueId, contact.CustomerId) != (plan.Channel, plan.Priority, queueId, plan.CustomerId))
            {
                problems.Add($"contact {contact.ContactId} changed: now {contact.Channel} priority {contact.Priority} in '{contact.QueueId}' for '{contact.CustomerId}', routed as {plan.Channel} priority {plan.Priority} in '{queueId}' for '{plan.CustomerId}'");
            }

            var arrived = contact.ArrivedAt.ToDateTimeOffset();
            if (arrived < window.Start || arrived > window.End)
            {
                problems.Add($"contact {contact.ContactId} arrived at {arrived:O}, outside the traffic ({window.Start:O} to {window.End:O}): its arrival was not kept");
            }

            CheckState(ledger, contact, holders, verdict);
        }

        foreach (var (contactId, holder) in holders)
        {
            if (!ledger.Attempted.ContainsKey(contactId))
            {
                problems.Add($"agent {holder.AgentId} holds contact {contactId}, which no caller routed");
            }
            else if (!snapshot.Contacts.ContainsKey(contactId) && ledger.Routed.ContainsKey(contactId))
            {
                problems.Add($"agent {holder.AgentId} holds contact {contactId} ({holder.Phase}), but the contact is unknown");
            }
        }
    }

    /// <summary>
    /// A contact's state must follow from what its clients did: connected or completed only with the agent that
    /// accepted or completed it; offered only to an agent that holds the offer; queued only in the line and in no
    /// agent's hands. An accept or complete that returned must show.
    /// </summary>
    private static void CheckState(CrashLedger ledger, Contact contact, Dictionary<string, (string AgentId, AssignmentPhase Phase)> holders, CrashVerdict verdict)
    {
        var problems = verdict.Problems;
        var id = contact.ContactId;
        var held = holders.TryGetValue(id, out var holder);
        var acceptedBy = ledger.AcceptSent.GetValueOrDefault(id);
        var completedBy = ledger.CompleteSent.GetValueOrDefault(id);
        var story = Story(ledger, id);
        switch (contact.State)
        {
            case ContactState.Queued:
                if (contact.Position < 1)
                {
                    problems.Add($"contact {id} reads QUEUED but is not in the queue's line (position 0); {story}");
                }

                if (held)
                {
                    problems.Add($"contact {id} is both waiting (position {contact.Position}) and held by {holder.AgentId} ({holder.Phase}); {story}");
                }

                break;
            case ContactState.Offered:
                if (!held || holder.AgentId != contact.AgentId || holder.Phase != AssignmentPhase.Offered)
                {
                    problems.Add($"contact {id} reads OFFERED to {contact.AgentId}, but that agent does not hold the offer (holder: {(held ? $"{holder.AgentId} {holder.Phase}" : "none")}); {story}");
                }

                break;
            case ContactState.Connected:
            case ContactState.WrapUp:
                if (acceptedBy != contact.AgentId)
                {
                    problems.Add($"contact {id} reads {contact.State} with {contact.AgentId}, who never accepted it; {story}");
                }

                var expected = contact.State == ContactState.Connected ? AssignmentPhase.Connected : AssignmentPhase.WrapUp;
                if (!held || holder.AgentId != contact.AgentId || holder.Phase != expected)
                {
                    problems.Add($"contact {id} reads {contact.State} with {contact.AgentId}, but that agent does not hold it so (holder: {(held ? $"{holder.AgentId} {holder.Phase}" : "none")}); {story}");
                }

                break;
            case ContactState.Completed:
                if (completedBy != contact.AgentId)
                {
                    problems.Add($"contact {id} reads COMPLETED by '{contact.AgentId}', who never completed it; {story}");
                }

                if (held && holder == (completedBy, AssignmentPhase.Connected) && !ledger.Completed.ContainsKey(id))
                {
                    // By design the contact ends first and the agent lets go after: a complete in flight at the kill
                    // can leave the agent holding an ended contact until the desktop retries the complete.
                    verdict.AwaitingCompleteRetry.Add((id, holder.AgentId));
                }
                else if (held)
                {
                    problems.Add($"contact {id} reads COMPLETED but {holder.AgentId} still holds it ({holder.Phase}); {story}");
                }

                break;
            default:
                problems.Add($"contact {id} reads {contact.State}: nobody cancelled it and the queue refuses nothing; {story}");
                break;
        }

        if (ledger.Completed.TryGetValue(id, out var completer) && (contact.State, contact.AgentId) != (ContactState.Completed, completer))
        {
            problems.Add($"contact {id}: CompleteContact by {completer} returned OK, yet it reads {contact.State} '{contact.AgentId}'; {story}");
        }
        else if (ledger.Accepted.TryGetValue(id, out var accepter) && completedBy is null && (contact.State, contact.AgentId) != (ContactState.Connected, accepter))
        {
            problems.Add($"contact {id}: AcceptOffer by {accepter} returned OK, yet it reads {contact.State} '{contact.AgentId}'; {story}");
        }
    }

    private static void CheckAgents(CrashLedger ledger, RouterSnapshot snapshot, IReadOnlyList<CrashAgent> roster, List<string> problems)
    {
        foreach (var profile in roster)
        {
            var view = snapshot.Agents[profile.AgentId];
            problems.AddRange(CapacityViolations(view, profile));
            var (known, pending) = ledger.Statuses[profile.AgentId];
            if (view.Status != known && view.Status != pending)
            {
                problems.Add($"agent {profile.AgentId} is {view.Status} after the restart; its last status call returned {known}{(pending is { } p ? $" and one asking for {p} was in flight" : string.Empty)}");
            }

            foreach (var (contactId, accepter) in ledger.Accepted.Where(a => a.Value == profile.AgentId && !ledger.CompleteSent.ContainsKey(a.Key)))
            {
                if (!view.Assignments.Any(a => a.ContactId == contactId && a.Phase == AssignmentPhase.Connected))
                {
                    problems.Add($"agent {accepter} accepted contact {contactId} (returned OK) but no longer holds it connected: {Describe(view)}");
                }
            }

            foreach (var (contactId, completer) in ledger.Completed.Where(a => a.Value == profile.AgentId))
            {
                if (view.Assignments.Any(a => a.ContactId == contactId))
                {
                    problems.Add($"agent {completer} completed contact {contactId} (returned OK) but holds it again: {Describe(view)}");
                }
            }
        }
    }

    /// <summary>
    /// The queue's waiting order survives: the contacts still waiting stand in service order (higher priority first;
    /// the aging bound is far longer than the test, so priority always wins), equal priorities in arrival order,
    /// where "arrival" is both the arrival time the server recorded and, for two contacts of which one's
    /// RouteContact returned before the other's was sent, the order the callers saw.
    /// </summary>
    private static void CheckWaitingOrder(CrashLedger ledger, RouterSnapshot snapshot, List<string> problems)
    {
        var waiting = snapshot.Contacts.Values.Where(c => c.State == ContactState.Queued && c.Position > 0).OrderBy(c => c.Position).ToList();
        foreach (var clash in waiting.GroupBy(c => c.Position).Where(g => g.Count() > 1))
        {
            problems.Add($"contacts {string.Join(", ", clash.Select(c => c.ContactId))} share position {clash.Key}");
        }

        for (var i = 1; i < waiting.Count; i++)
        {
            var (ahead, behind) = (waiting[i - 1], waiting[i]);
            var inOrder = ahead.Priority > behind.Priority
                || (ahead.Priority == behind.Priority && ahead.ArrivedAt.ToDateTimeOffset() <= behind.ArrivedAt.ToDateTimeOffset());
            if (!inOrder)
            {
                problems.Add($"waiting order broken: {ahead.ContactId} (priority {ahead.Priority}, arrived {ahead.ArrivedAt}) stands at {ahead.Position} ahead of {behind.ContactId} (priority {behind.Priority}, arrived {behind.ArrivedAt}) at {behind.Position}");
            }
        }

        var observed = waiting.Where(c => ledger.Routed.ContainsKey(c.ContactId)).ToList();
        foreach (var first in observed)
        {
            var routedFirst = ledger.Routed[first.ContactId];
            foreach (var later in observed.Where(c => c.Priority == first.Priority && ledger.Routed[c.ContactId].SentTick > routedFirst.ReturnedTick))
            {
                if (later.Position < first.Position)
                {
                    problems.Add($"waiting order broken: {later.ContactId} (position {later.Position}) was routed after {first.ContactId} had returned, yet stands ahead of it (position {first.Position})");
                }
            }
        }
    }

    /// <summary>
    /// The queue counts every waiting contact the callers know of, and at most the routes in flight at the kill
    /// beside them (recorded by the queue before the caller heard back): no contact appears from nowhere.
    /// </summary>
    private static void CheckQueueCount(CrashLedger ledger, RouterSnapshot snapshot, CrashVerdict verdict)
    {
        var known = snapshot.Contacts.Values.Count(c => c.State == ContactState.Queued && c.Position > 0);
        var unrecorded = ledger.Attempted.Keys.Count(id => !snapshot.Contacts.ContainsKey(id));
        if (snapshot.Stats.Waiting < known || snapshot.Stats.Waiting > known + unrecorded)
        {
            verdict.Problems.Add($"the queue counts {snapshot.Stats.Waiting} waiting; the callers know of {known} waiting, and at most {unrecorded} routes were in flight at the kill");
        }

        var waiting = snapshot.Contacts.Values.Where(c => c.State == ContactState.Queued && c.Position > 0).ToList();
        if (waiting.Any(c => c.Position > snapshot.Stats.Waiting))
        {
            verdict.Problems.Add($"positions run past the {snapshot.Stats.Waiting} waiting contacts: {string.Join(", ", waiting.Select(c => c.Position).Order())}");
        }
    }

    private static string Story(CrashLedger ledger, string contactId)
    {
        var parts = new List<string>
        {
            ledger.Routed.TryGetValue(contactId, out var routed)
                ? $"routed {routed.Outcome} #{routed.Position} {routed.AgentId}".TrimEnd()
                : "route in flight at the kill",
        };
        parts.AddRange(ledger.OffersSeen.Keys.Where(k => k.ContactId == contactId).Select(k => $"offered to {k.AgentId}"));
        parts.AddRange(ledger.RejectSent.Keys.Where(k => k.ContactId == contactId).Select(k => $"reject by {k.AgentId} sent"));
        AddCall(parts, "accept", ledger.AcceptSent, ledger.Accepted, contactId);
        AddCall(parts, "complete", ledger.CompleteSent, ledger.Completed, contactId);
        return "clients saw: " + string.Join(", ", parts);
    }

    private static void AddCall(List<string> parts, string verb, ConcurrentDictionary<string, string> sent, ConcurrentDictionary<string, string> returned, string contactId)
    {
        if (sent.TryGetValue(contactId, out var agent))
        {
            parts.Add($"{verb} by {agent} {(returned.ContainsKey(contactId) ? "returned OK" : "in flight")}");
        }
    }

    private static string Describe(Agent view) =>
        $"{view.AgentId} {view.Status} [{string.Join(", ", view.Assignments.Select(a => $"{a.Channel} {a.ContactId} {a.Phase}"))}]";
}
