namespace Routing.Grains;

/// <summary>Pulling work from the agent's queues, reconciling with them after activation, and the deadlines of offers and wrap-ups.</summary>
public sealed partial class AgentGrain
{
    public Task<IReadOnlyList<string>> TakeWork() => PullWorkAsync();

    public Task WorkAvailable(string queueId) => PullWorkAsync();

    public Task ReportTo(string queueId)
    {
        var membership = Definition?.Queues.FirstOrDefault(q => q.QueueId == queueId);
        if (membership is null)
        {
            grains.Get<IQueueGrain>(queueId).MemberLeft(AgentId).Ignore();
        }
        else
        {
            grains.Get<IQueueGrain>(queueId).MemberChanged(MemberView(membership), state.State.Version).Ignore();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Fills free capacity with the best waiting contacts across the agent's queues: ask each queue for its best
    /// fit, order the answers (queue priority, effective priority, longest wait), and claim. A claim can lose a
    /// race with another agent; then the next answer is tried.
    /// </summary>
    private async Task<IReadOnlyList<string>> PullWorkAsync()
    {
        var taken = new List<string>();
        if (Definition is null || state.State.Presence != AgentPresence.Available || Definition.Queues.Count == 0)
        {
            return taken;
        }

        var attempts = 0;
        while (attempts < options.Value.MaxClaimAttemptsPerPull)
        {
            var view = new AgentWorkView(AgentId, Definition.Skills, Definition.Capacity, workload.Held);
            if (!Enum.GetValues<Channel>().Any(c => view.CanTake(c) == CapacityVerdict.Free))
            {
                break;
            }

            var picks = await Task.WhenAll(Definition.Queues.Select(q =>
                grains.Get<IQueueGrain>(q.QueueId).PeekBest(view, q.Priority)));
            var byPick = picks.OfType<QueuePick>().ToDictionary(p => p.Pick);
            var ordered = CrossQueueSelector.Order(byPick.Keys);
            if (ordered.Count == 0)
            {
                break;
            }

            string? taking = null;
            foreach (var pick in ordered)
            {
                attempts++;
                if (await TryClaimAsync(pick, byPick[pick]))
                {
                    taken.Add(pick.ContactId);
                    taking = pick.ContactId;
                    break;
                }
            }

            // Contacts other queues proposed and this agent passed over go back to their queues' other agents now.
            foreach (var passed in ordered.Where(p => p.ContactId != taking))
            {
                grains.Get<IQueueGrain>(passed.QueueId).ReleaseProposal(passed.ContactId, AgentId).Ignore();
            }

            // A lost race is no reason to stop: look again (bounded by the attempts) for the next best contact.
        }

        if (taken.Count > 0 || attempts >= options.Value.MaxClaimAttemptsPerPull)
        {
            // Out of attempts with capacity left, the report lets the queues nudge this agent again if work remains.
            ArmDeadlineTimer();
            PublishToQueues();
        }

        return taken;
    }

    /// <summary>Reserves <paramref name="pick"/> and claims it from its queue; false when another agent was faster.</summary>
    private async Task<bool> TryClaimAsync(ContactPick pick, QueuePick offer)
    {
        // Write-ahead: the reservation is persisted before the queue marks the contact offered, so the queue never
        // records an offer this agent could forget in a crash; a reservation the queue never granted is let go on
        // activation (ReconcileWithQueuesAsync).
        var now = clock.GetUtcNow();
        workload.Reserve(pick.ContactId, pick.QueueId, pick.Channel, now, now + offer.OfferTimeout);
        state.State.Tickets[pick.ContactId] = offer.Ticket;
        claiming.Add(pick.ContactId);
        ClaimResult? claim;
        try
        {
            // Hidden from desktops until the queue grants it, so there is nothing to tell the watchers yet.
            await WriteAsync();
            claim = await grains.Get<IQueueGrain>(pick.QueueId).Claim(pick.ContactId, AgentId);
        }
        catch
        {
            // No answer (the queue's silo died, the call timed out, a write failed): the queue may or may not have
            // recorded this offer, and this activation cannot tell. It must neither show nor keep it: the reservation
            // stays hidden and the activation is dropped; the next one settles what was written ahead in
            // ReconcileWithQueuesAsync (claimed again, a no-op if the queue has it, or let go).
            this.DeactivateOnIdle();
            changes.Notify();
            throw;
        }

        claiming.Remove(pick.ContactId);

        // The reservation became (or stopped being) an offer: watchers must hear of it. The version moves without a
        // write; the next write persists a higher one.
        state.State.Version++;
        TellWatchers();

        if (claim is null)
        {
            DropAssignment(pick.ContactId, workload.ReleaseOffer, becameIdle: false);
            await SaveAsync();
            return false;
        }

        grains.Get<IContactGrain>(pick.ContactId).Offered(AgentId, claim.SelectionReason, now).Ignore();
        LogOfferMade(logger, pick.ContactId, AgentId, pick.QueueId);
        return true;
    }

    /// <summary>
    /// After a restart, makes the queues agree with what this agent persisted: an offer it holds is claimed again
    /// (a no-op when the queue already has it) or let go when the contact was taken or left; a connected contact
    /// is removed from the line in case the crash came between the accept and the queue hearing of it.
    /// </summary>
    private async Task ReconcileWithQueuesAsync()
    {
        var changed = false;
        foreach (var assignment in workload.Assignments.ToList())
        {
            var queue = grains.Get<IQueueGrain>(assignment.QueueId);
            if (assignment.Phase == AssignmentPhase.Offered)
            {
                var contact = grains.Get<IContactGrain>(assignment.ContactId);
                var claim = await queue.Claim(assignment.ContactId, AgentId);
                if (claim is null)
                {
                    // The contact may have heard of this offer before the crash; it ignores a return from a stranger.
                    await contact.OfferReturned(AgentId, "the agent restarted and the contact had moved on", assignment.Since);
                    DropAssignment(assignment.ContactId, workload.ReleaseOffer, becameIdle: false);
                    changed = true;
                }
                else
                {
                    // The same offer as before the restart (its reservation time kept). Should the contact have
                    // heard it returned just before the crash, it reads queued until the offer is accepted or expires.
                    contact.Offered(AgentId, claim.SelectionReason, assignment.Since).Ignore();
                }
            }
            else if (assignment.Phase == AssignmentPhase.Connected && !state.State.PendingTransfers.ContainsKey(assignment.ContactId))
            {
                await TellConnectedAsync(assignment);
            }
            else if (assignment.Phase == AssignmentPhase.WrapUp)
            {
                await grains.Get<IContactGrain>(assignment.ContactId).WrapUp(AgentId);
            }
        }

        if (changed)
        {
            await SaveAsync();
        }

        foreach (var (contactId, moved) in state.State.PendingTransfers.ToList())
        {
            if (workload.Get(contactId) is { Phase: AssignmentPhase.Connected } connected)
            {
                await CarryOutTransferAsync(connected, moved);
            }
            else
            {
                state.State.PendingTransfers.Remove(contactId);
            }
        }
    }

    /// <summary>One timer at the earliest deadline (offer expiry or end of wrap-up), re-armed after every change.</summary>
    private void ArmDeadlineTimer()
    {
        deadlineTimer?.Dispose();
        deadlineTimer = null;
        var next = workload.Assignments.Where(a => a.Until is not null).Select(a => a.Until!.Value).DefaultIfEmpty().Min();
        if (next == default)
        {
            return;
        }

        var due = next - clock.GetUtcNow();
        deadlineTimer = this.RegisterGrainTimer(
            OnDeadlineAsync,
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    private async Task OnDeadlineAsync(CancellationToken cancellationToken)
    {
        // Timers pass no call filter: an activation being dropped leaves its deadlines to the next one.
        if (DroppedActivation.IsDropped(GrainContext))
        {
            return;
        }

        var now = clock.GetUtcNow();
        try
        {
            foreach (var due in workload.Assignments.Where(a => a.Until <= now).ToList())
            {
                if (due.Phase == AssignmentPhase.Offered)
                {
                    await MissOfferAsync(due, "offer expired", expired: true);
                }
                else if (due.Phase == AssignmentPhase.WrapUp)
                {
                    await EndWrapUpAsync(due);
                }
            }
        }
        catch (Exception ex) when (ex is StoreUnavailableException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            // Nobody calls a timer back: a deadline whose work the store or a lost silo refused is tried again
            // (if this activation's own write failed it is being dropped, and activation arms the timer afresh).
            LogDeadlineRetry(logger, AgentId, ex.Message);
            deadlineTimer?.Dispose();
            deadlineTimer = this.RegisterGrainTimer(OnDeadlineAsync, new GrainTimerCreationOptions(options.Value.StoreRetryDelay, Timeout.InfiniteTimeSpan));
            return;
        }

        ArmDeadlineTimer();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} will retry its due offers and wrap-ups: {Error}")]
    private static partial void LogDeadlineRetry(ILogger logger, string agentId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} offered to agent {AgentId} from queue {QueueId}")]
    private static partial void LogOfferMade(ILogger logger, string contactId, string agentId, string queueId);
}
