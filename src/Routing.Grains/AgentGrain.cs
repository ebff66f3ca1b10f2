namespace Routing.Grains;

/// <summary>
/// An agent: the only authority on its capacity. Every reservation goes through <see cref="AgentWorkload.Reserve"/>
/// inside this non-reentrant activation, so concurrent offers cannot put the agent over capacity.
/// </summary>
public sealed partial class AgentGrain(
    [PersistentState("agent", StorageNames.Routing)] IPersistentState<AgentState> state,
    IGrainContext context,
    TimeProvider clock,
    IOptions<RoutingGrainOptions> options,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain
{

    // Reservations written ahead of the queue's answer: they hold capacity but are no offer yet, so desktops must not see them.
    private readonly ChangeWatchers changes = new(context, options.Value.WatchLease, clock, logger);
    private readonly HashSet<string> claiming = new(StringComparer.Ordinal);

    // What happened to contacts this agent let go: a retried reject / complete / end-wrap-up answers the same.
    private readonly RecentOutcomes<AssignmentView> finished = new(options.Value.RecentOutcomesRemembered);
    private AgentWorkload workload = new(CapacityProfile.Of());
    private IGrainTimer? deadlineTimer;

    private string AgentId => this.GetPrimaryKeyString();

    private AgentDefinition? Definition => state.State.Definition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Definition is null)
        {
            return;
        }

        workload = new AgentWorkload(Definition.Capacity, state.State.Assignments);
        await ReconcileWithQueuesAsync();
        ArmDeadlineTimer();
        PublishToQueues();

        // Work may have arrived while this agent was not active (after a restart): look for it.
        if (state.State.Presence == AgentPresence.Available)
        {
            this.AsReference<IAgentGrain>().WorkAvailable(string.Empty).Ignore();
        }
    }

    public async Task<Reply<AgentView>> Configure(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var membership in definition.Queues)
        {
            if (await GrainFactory.GetGrain<IQueueGrain>(membership.QueueId).GetDefinition() is null)
            {
                return Reply.Failure<AgentView>(ReplyStatus.NotFound, $"queue '{membership.QueueId}' does not exist");
            }
        }

        try
        {
            workload.ChangeProfile(definition.Capacity);
        }
        catch (RoutingRuleException ex)
        {
            return Reply.Failure<AgentView>(ex);
        }

        var previousQueues = Definition?.Queues.Select(q => q.QueueId).ToHashSet(StringComparer.Ordinal) ?? [];
        var isNew = Definition is null;
        state.State.Definition = definition;
        if (isNew)
        {
            state.State.IdleSince = clock.GetUtcNow();
        }

        await SaveAsync();
        if (isNew)
        {
            await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Add(CatalogKind.Agent, AgentId);
        }

        foreach (var removed in previousQueues.Except(definition.Queues.Select(q => q.QueueId)))
        {
            GrainFactory.GetGrain<IQueueGrain>(removed).MemberLeft(AgentId).Ignore();
        }

        PublishToQueues();
        LogAgentConfigured(logger, AgentId, definition.Queues.Count);
        await PullWorkAsync();
        return Reply.Success(View());
    }

    public async Task<Reply> Remove()
    {
        if (Definition is null)
        {
            return Reply.Fail(ReplyStatus.NotFound, $"agent '{AgentId}' does not exist");
        }

        if (!workload.IsIdle)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' holds {workload.Assignments.Count} contacts; finish them before removing the agent");
        }

        foreach (var membership in Definition.Queues)
        {
            GrainFactory.GetGrain<IQueueGrain>(membership.QueueId).MemberLeft(AgentId).Ignore();
        }

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Remove(CatalogKind.Agent, AgentId);
        await state.ClearOrDeactivateAsync(this);
        workload = new AgentWorkload(CapacityProfile.Of());
        changes.Notify();
        return Reply.Ok;
    }

    public Task<AgentView?> Get() => Task.FromResult(Definition is null ? null : View());

    public Task<AgentPresenceView?> GetPresence() => Task.FromResult(
        Definition is null ? null : new AgentPresenceView(state.State.Presence, [.. Definition.Queues.Select(q => q.QueueId)]));

    public async Task<Reply<AgentView>> SetPresence(AgentPresence presence, string reason)
    {
        if (Definition is null)
        {
            return Reply.Failure<AgentView>(ReplyStatus.NotFound, $"agent '{AgentId}' does not exist");
        }

        if (presence == AgentPresence.LoggedOut && !workload.IsIdle)
        {
            return Reply.Failure<AgentView>(
                ReplyStatus.FailedPrecondition,
                $"agent '{AgentId}' holds {workload.Assignments.Count} contacts; finish them before logging out");
        }

        var wasAvailable = state.State.Presence == AgentPresence.Available;
        state.State.Presence = presence;
        state.State.NotReadyReason = presence == AgentPresence.NotReady ? reason : string.Empty;
        if (presence == AgentPresence.Available && !wasAvailable && workload.IsIdle)
        {
            state.State.IdleSince = clock.GetUtcNow();
        }

        await SaveAsync();
        PublishToQueues();
        LogPresenceChanged(logger, AgentId, presence, reason);
        await PullWorkAsync();
        return Reply.Success(View());
    }

    public async Task<Reply<AssignmentView>> AcceptOffer(string contactId)
    {
        var assignment = workload.Get(contactId);
        if (assignment is null)
        {
            return Reply.Failure<AssignmentView>(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' holds no offer for contact '{contactId}'");
        }

        if (assignment.Phase == AssignmentPhase.Connected)
        {
            // A retry: the first attempt may have failed after this agent's write, before the queue or the contact
            // heard of it. Telling both again is idempotent and completes the whole accept.
            await TellConnectedAsync(assignment);
            return Reply.Success(ViewOf(assignment));
        }

        if (assignment.Phase != AssignmentPhase.Offered)
        {
            return Reply.Failure<AssignmentView>(ReplyStatus.FailedPrecondition, $"contact '{contactId}' is in {assignment.Phase} and cannot be accepted");
        }

        // Persisted here first: if the process dies before the queue hears of it, activation tells the queue again.
        var connected = workload.Accept(contactId, clock.GetUtcNow());
        await SaveAsync();
        if (!await GrainFactory.GetGrain<IQueueGrain>(assignment.QueueId).Connected(contactId, AgentId))
        {
            // The customer left while the offer was ringing: the queue already let the contact go.
            DropAssignment(contactId, _ => workload.Complete(contactId, clock.GetUtcNow(), TimeSpan.Zero));
            await SaveAsync();
            ArmDeadlineTimer();
            PublishToQueues();
            await PullWorkAsync();
            return Reply.Failure<AssignmentView>(ReplyStatus.FailedPrecondition, $"contact '{contactId}' ended before the offer was accepted");
        }

        ArmDeadlineTimer();

        // Awaited: once the desktop is told "accepted", the contact says connected too, even after a crash.
        await GrainFactory.GetGrain<IContactGrain>(contactId).Connected(AgentId, state.State.Tickets[contactId]);
        LogOfferAccepted(logger, contactId, AgentId);
        return Reply.Success(ViewOf(connected));
    }

    public async Task<Reply> RejectOffer(string contactId, string reason)
    {
        var assignment = workload.Get(contactId);
        if (assignment is null && finished.TryGet(contactId, out var earlier) && earlier.Phase == AssignmentPhase.Offered)
        {
            return Reply.Ok;
        }

        if (assignment is null || assignment.Phase != AssignmentPhase.Offered)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' holds no pending offer for contact '{contactId}'");
        }

        await MissOfferAsync(assignment, string.IsNullOrWhiteSpace(reason) ? "rejected" : reason);
        return Reply.Ok;
    }

    public async Task<Reply<AssignmentView>> CompleteContact(string contactId, string disposition)
    {
        var assignment = workload.Get(contactId);
        if (assignment is null && finished.TryGet(contactId, out var earlier) && earlier.Phase == AssignmentPhase.Completed)
        {
            return Reply.Success(earlier);
        }

        if (assignment is null)
        {
            return Reply.Failure<AssignmentView>(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' does not hold contact '{contactId}'");
        }

        if (assignment.Phase == AssignmentPhase.WrapUp)
        {
            return Reply.Success(ViewOf(assignment));
        }

        try
        {
            var view = await FinishAsync(assignment, disposition);
            return Reply.Success(view);
        }
        catch (RoutingRuleException ex)
        {
            return Reply.Failure<AssignmentView>(ex);
        }
    }

    public async Task<Reply<AssignmentView>> TransferContact(string contactId, string? toQueueId, string? toAgentId)
    {
        var assignment = workload.Get(contactId);
        if (assignment is null && finished.TryGet(contactId, out var earlier) && earlier.Phase is AssignmentPhase.Completed or AssignmentPhase.WrapUp)
        {
            // A retried transfer (or one after the contact was finished here): what this agent's part ended as.
            return Reply.Success(earlier);
        }

        string queueId;
        try
        {
            TransferRules.CheckTransferable(AgentId, contactId, assignment, toAgentId);
            queueId = toQueueId ?? assignment.QueueId;
            var definition = await GrainFactory.GetGrain<IQueueGrain>(queueId).GetDefinition();
            var target = toAgentId is null ? null : await GrainFactory.GetGrain<IAgentGrain>(toAgentId).GetPresence();
            TransferRules.CheckDestination(
                queueId,
                definition?.Channels,
                assignment.Channel,
                toAgentId,
                target is null ? null : new TransferTarget(toAgentId!, target.Presence, target.QueueIds));
        }
        catch (RoutingRuleException ex)
        {
            return Reply.Failure<AssignmentView>(ex);
        }

        // Written ahead: a crash from here on finishes the transfer on activation rather than losing it halfway.
        var now = clock.GetUtcNow();
        var moved = state.State.Tickets[contactId] with
        {
            QueueId = queueId,
            PreferredAgentId = toAgentId,
            PreferredUntil = toAgentId is null ? null : now + options.Value.TransferToAgentWait,
        };
        state.State.PendingTransfers[contactId] = moved;
        await SaveAsync();
        return await CarryOutTransferAsync(assignment, moved);
    }

    public async Task<Reply> EndWrapUp(string contactId)
    {
        var assignment = workload.Get(contactId);
        if (assignment is null && finished.TryGet(contactId, out var earlier) && earlier.Phase == AssignmentPhase.Completed)
        {
            return Reply.Ok;
        }

        if (assignment is null || assignment.Phase != AssignmentPhase.WrapUp)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' is not wrapping up contact '{contactId}'");
        }

        await EndWrapUpAsync(assignment);
        return Reply.Ok;
    }

    public Task<IReadOnlyList<string>> TakeWork() => PullWorkAsync();

    public async Task FeedbackReceived(CustomerFeedback feedback)
    {
        state.State.Satisfaction.Add(feedback);
        await SaveAsync();
    }

    public Task WorkAvailable(string queueId) => PullWorkAsync();

    public Task ReportTo(string queueId)
    {
        var membership = Definition?.Queues.FirstOrDefault(q => q.QueueId == queueId);
        if (membership is null)
        {
            GrainFactory.GetGrain<IQueueGrain>(queueId).MemberLeft(AgentId).Ignore();
        }
        else
        {
            GrainFactory.GetGrain<IQueueGrain>(queueId).MemberChanged(MemberView(membership), state.State.Version).Ignore();
        }

        return Task.CompletedTask;
    }

    public async Task<Reply> CustomerLeft(string contactId)
    {
        var assignment = workload.Get(contactId);
        switch (assignment?.Phase)
        {
            case AssignmentPhase.Offered:
                // Not a miss: the customer left, the agent did nothing wrong.
                DropAssignment(contactId, workload.ReleaseOffer, becameIdle: false);
                await SaveAsync();
                PublishToQueues();
                await PullWorkAsync();
                break;
            case AssignmentPhase.Connected:
                await FinishAsync(assignment, "customer ended");
                break;
            default:
                break;
        }

        return Reply.Ok;
    }

    public Task<AgentView?> Watch(IChangeObserver watcher)
    {
        changes.Watch(watcher);
        return Task.FromResult(Definition is null ? null : View());
    }

    public Task Unwatch(IChangeObserver watcher)
    {
        changes.Unwatch(watcher);
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
                GrainFactory.GetGrain<IQueueGrain>(q.QueueId).PeekBest(view, q.Priority)));
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

                // Write-ahead: the reservation is persisted before the queue marks the contact offered, so the
                // queue never records an offer this agent could forget in a crash; a reservation the queue never
                // granted is let go on activation (ReconcileWithQueuesAsync).
                var now = clock.GetUtcNow();
                workload.Reserve(pick.ContactId, pick.QueueId, pick.Channel, now, now + byPick[pick].OfferTimeout);
                state.State.Tickets[pick.ContactId] = byPick[pick].Ticket;
                claiming.Add(pick.ContactId);
                ClaimResult? claim;
                try
                {
                    await SaveAsync();
                    claim = await GrainFactory.GetGrain<IQueueGrain>(pick.QueueId).Claim(pick.ContactId, AgentId);
                }
                catch
                {
                    // No answer (the queue's silo died, the call timed out, a write failed): the queue may or may not
                    // have recorded this offer, and this activation cannot tell. It must neither show nor keep it: the
                    // reservation stays hidden and the activation is dropped; the next one settles what was written
                    // ahead in ReconcileWithQueuesAsync (claimed again, a no-op if the queue has it, or let go).
                    this.DeactivateOnIdle();
                    changes.Notify();
                    throw;
                }

                claiming.Remove(pick.ContactId);

                // The reservation became (or stopped being) an offer: watchers must hear of it. The version moves
                // without a write; the next write persists a higher one.
                state.State.Version++;
                changes.Notify();

                if (claim is null)
                {
                    DropAssignment(pick.ContactId, workload.ReleaseOffer, becameIdle: false);
                    await SaveAsync();
                    continue;
                }

                taken.Add(pick.ContactId);
                taking = pick.ContactId;
                GrainFactory.GetGrain<IContactGrain>(pick.ContactId).Offered(AgentId, claim.SelectionReason).Ignore();
                LogOfferMade(logger, pick.ContactId, AgentId, pick.QueueId);
                break;
            }

            // Contacts other queues proposed and this agent passed over go back to their queues' other agents now.
            foreach (var passed in ordered.Where(p => p.ContactId != taking))
            {
                GrainFactory.GetGrain<IQueueGrain>(passed.QueueId).ReleaseProposal(passed.ContactId, AgentId).Ignore();
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
            var queue = GrainFactory.GetGrain<IQueueGrain>(assignment.QueueId);
            if (assignment.Phase == AssignmentPhase.Offered)
            {
                var contact = GrainFactory.GetGrain<IContactGrain>(assignment.ContactId);
                var claim = await queue.Claim(assignment.ContactId, AgentId);
                if (claim is null)
                {
                    // The contact may have heard of this offer before the crash; it ignores a return from a stranger.
                    await contact.OfferReturned(AgentId, "the agent restarted and the contact had moved on");
                    DropAssignment(assignment.ContactId, workload.ReleaseOffer, becameIdle: false);
                    changed = true;
                }
                else
                {
                    contact.Offered(AgentId, claim.SelectionReason).Ignore();
                }
            }
            else if (assignment.Phase == AssignmentPhase.Connected && !state.State.PendingTransfers.ContainsKey(assignment.ContactId))
            {
                await TellConnectedAsync(assignment);
            }
            else if (assignment.Phase == AssignmentPhase.WrapUp)
            {
                await GrainFactory.GetGrain<IContactGrain>(assignment.ContactId).WrapUp(AgentId);
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

    /// <summary>The queue lets the contact go (a no-op when it already has) and the contact reads connected.</summary>
    private async Task TellConnectedAsync(Assignment assignment)
    {
        await GrainFactory.GetGrain<IQueueGrain>(assignment.QueueId).Connected(assignment.ContactId, AgentId);
        await GrainFactory.GetGrain<IContactGrain>(assignment.ContactId).Connected(AgentId, state.State.Tickets[assignment.ContactId]);
    }

    /// <summary>Into the target queue (original arrival kept), onto the contact's record, then this agent lets go.</summary>
    private async Task<Reply<AssignmentView>> CarryOutTransferAsync(Assignment assignment, ContactTicket moved)
    {
        var contactId = assignment.ContactId;
        var enqueued = await GrainFactory.GetGrain<IQueueGrain>(moved.QueueId).Enqueue(moved);
        if (!enqueued.Reply.IsOk)
        {
            // A full target queue: the agent keeps the contact and may try elsewhere.
            state.State.PendingTransfers.Remove(contactId);
            await SaveAsync();
            return Reply.Failure<AssignmentView>(enqueued.Reply);
        }

        await GrainFactory.GetGrain<IContactGrain>(contactId).Transferred(AgentId, enqueued.Ticket ?? moved);
        foreach (var candidate in enqueued.Candidates.Where(c => c != AgentId).Take(options.Value.AgentsNudged))
        {
            GrainFactory.GetGrain<IAgentGrain>(candidate).WorkAvailable(moved.QueueId).Ignore();
        }

        var view = await EndHandlingAsync(assignment, clock.GetUtcNow(), WrapUpFor(assignment.Channel));
        LogContactTransferred(logger, contactId, AgentId, moved.QueueId, moved.PreferredAgentId);
        finished.Remember(contactId, view);
        await PullWorkAsync();
        return Reply.Success(view);
    }

    private async Task MissOfferAsync(Assignment assignment, string reason)
    {
        // The queue first: if the process dies in between, this agent still holds the reservation and re-claims
        // or lets it go on activation, instead of the queue keeping an offer nobody holds.
        await GrainFactory.GetGrain<IQueueGrain>(assignment.QueueId).Return(assignment.ContactId, AgentId);

        // Then the contact, before this agent lets go: a crash in between leaves the reservation here, and activation
        // re-claims it (telling the contact it is offered again) or returns it for good.
        await GrainFactory.GetGrain<IContactGrain>(assignment.ContactId).OfferReturned(AgentId, reason);
        finished.Remember(assignment.ContactId, ViewOf(assignment));
        DropAssignment(assignment.ContactId, workload.ReleaseOffer);
        state.State.Presence = MissedOffer.Presence;
        state.State.NotReadyReason = MissedOffer.NotReadyReason(reason);
        await SaveAsync();
        ArmDeadlineTimer();
        PublishToQueues();
        LogOfferMissed(logger, assignment.ContactId, AgentId, reason);
    }

    private async Task<AssignmentView> FinishAsync(Assignment assignment, string disposition)
    {
        if (assignment.Phase != AssignmentPhase.Connected)
        {
            throw new RoutingRuleException(
                RuleViolation.FailedPrecondition,
                $"contact '{assignment.ContactId}' is {assignment.Phase.ToString().ToLowerInvariant()} and cannot be completed");
        }

        var now = clock.GetUtcNow();
        var wrapUp = WrapUpFor(assignment.Channel);

        // The contact first: if the process dies before this agent's write, the agent still holds the contact and a
        // retried complete finishes it again (the contact ignores a second end); the other order could lose the end.
        var contact = GrainFactory.GetGrain<IContactGrain>(assignment.ContactId);
        if (wrapUp > TimeSpan.Zero)
        {
            await contact.WrapUp(AgentId);
        }
        else
        {
            await contact.Completed(AgentId, disposition);
        }

        var view = await EndHandlingAsync(assignment, now, wrapUp);
        LogContactCompleted(logger, assignment.ContactId, AgentId, now - assignment.Since);
        await PullWorkAsync();
        if (view.Phase == AssignmentPhase.Completed)
        {
            finished.Remember(assignment.ContactId, view);
        }

        return view;
    }

    /// <summary>
    /// This agent's part of a connected contact ends (completed, or transferred away): the capacity stays held through
    /// the channel's wrap-up, the state is written, and the queue learns the handle time.
    /// </summary>
    private async Task<AssignmentView> EndHandlingAsync(Assignment assignment, DateTimeOffset now, TimeSpan wrapUp)
    {
        var ticket = state.State.Tickets[assignment.ContactId];
        var ended = workload.Complete(assignment.ContactId, now, wrapUp);
        state.State.PendingTransfers.Remove(assignment.ContactId);
        if (wrapUp <= TimeSpan.Zero)
        {
            state.State.Tickets.Remove(assignment.ContactId);
            MarkIdleIfFree(now);
        }

        await SaveAsync();
        GrainFactory.GetGrain<IQueueGrain>(assignment.QueueId).Handled(assignment.ContactId, assignment.Channel, now - assignment.Since).Ignore();
        ArmDeadlineTimer();
        PublishToQueues();
        return new AssignmentView(ticket, ended.Phase, ended.Since, ended.Until);
    }

    private TimeSpan WrapUpFor(Channel channel) => Definition?.WrapUp.GetValueOrDefault(channel) ?? TimeSpan.Zero;

    private async Task EndWrapUpAsync(Assignment assignment)
    {
        await GrainFactory.GetGrain<IContactGrain>(assignment.ContactId).Completed(AgentId, "wrap-up ended");
        finished.Remember(assignment.ContactId, ViewOf(assignment) with { Phase = AssignmentPhase.Completed, Until = null });
        DropAssignment(assignment.ContactId, workload.EndWrapUp);
        await SaveAsync();
        ArmDeadlineTimer();
        PublishToQueues();
        await PullWorkAsync();
    }

    /// <param name="becameIdle">False when the dropped work never reached the agent (an offer it did not get or
    /// that was withdrawn): the agent keeps its place in the longest-idle order.</param>
    private void DropAssignment(string contactId, Func<string, Assignment> release, bool becameIdle = true)
    {
        release(contactId);
        state.State.Tickets.Remove(contactId);
        if (becameIdle)
        {
            MarkIdleIfFree(clock.GetUtcNow());
        }
    }

    private void MarkIdleIfFree(DateTimeOffset now)
    {
        if (workload.IsIdle)
        {
            state.State.IdleSince = now;
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
        var now = clock.GetUtcNow();
        try
        {
            foreach (var due in workload.Assignments.Where(a => a.Until <= now).ToList())
            {
                if (due.Phase == AssignmentPhase.Offered)
                {
                    await MissOfferAsync(due, "offer expired");
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

    private async Task SaveAsync()
    {
        state.State.Assignments = [.. workload.Assignments];
        state.State.Version++;
        await state.WriteOrDeactivateAsync(this);
        changes.Notify();
    }

    private void PublishToQueues()
    {
        if (Definition is null)
        {
            return;
        }

        foreach (var membership in Definition.Queues)
        {
            GrainFactory.GetGrain<IQueueGrain>(membership.QueueId).MemberChanged(MemberView(membership), state.State.Version).Ignore();
        }
    }

    private QueueMember MemberView(QueueMembership membership) => new(
        AgentId,
        membership.Priority,
        state.State.Presence,
        Definition!.Skills,
        Definition.Capacity,
        workload.Held,
        state.State.IdleSince,
        workload.Assignments.Count(a => a.Phase == AssignmentPhase.WrapUp));

    private AgentView View() => new(
        AgentId,
        Definition!,
        state.State.Presence,
        state.State.NotReadyReason,
        Activity(),
        [.. workload.Assignments.Where(a => !claiming.Contains(a.ContactId)).OrderBy(a => a.Since).Select(ViewOf)],
        state.State.IdleSince,
        state.State.Version,
        state.State.Satisfaction.AverageCsat,
        state.State.Satisfaction.CsatResponses);

    private AgentActivity Activity() => AgentActivityRules.Of(
        state.State.Presence,
        workload.Assignments.Count,
        workload.Assignments.Count(a => a.Phase == AssignmentPhase.WrapUp));

    private AssignmentView ViewOf(Assignment assignment) =>
        new(state.State.Tickets[assignment.ContactId], assignment.Phase, assignment.Since, assignment.Until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} will retry its due offers and wrap-ups: {Error}")]
    private static partial void LogDeadlineRetry(ILogger logger, string agentId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} configured, serving {QueueCount} queues")]
    private static partial void LogAgentConfigured(ILogger logger, string agentId, int queueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} is now {Presence} {Reason}")]
    private static partial void LogPresenceChanged(ILogger logger, string agentId, AgentPresence presence, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} offered to agent {AgentId} from queue {QueueId}")]
    private static partial void LogOfferMade(ILogger logger, string contactId, string agentId, string queueId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} accepted by agent {AgentId}")]
    private static partial void LogOfferAccepted(ILogger logger, string contactId, string agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} offer missed by agent {AgentId}: {Reason}")]
    private static partial void LogOfferMissed(ILogger logger, string contactId, string agentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} transferred by {AgentId} to queue {QueueId} (agent {ToAgentId})")]
    private static partial void LogContactTransferred(ILogger logger, string contactId, string agentId, string queueId, string? toAgentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} completed by agent {AgentId} after {HandleTime}")]
    private static partial void LogContactCompleted(ILogger logger, string contactId, string agentId, TimeSpan handleTime);
}
