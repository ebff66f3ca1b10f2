namespace Routing.Grains;

/// <summary>The agent's part in a contact's handling: accepting or missing an offer, completing, wrap-up, the customer leaving.</summary>
public sealed partial class AgentGrain
{
    private async Task<Reply<AssignmentView>> AcceptAsync(Assignment assignment, RequestKey? request)
    {
        var contactId = assignment.ContactId;
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
        carriedOutcome = ViewOf(connected);
        await SaveAsync();
        if (!await grains.Get<IQueueGrain>(assignment.QueueId).Connected(contactId, AgentId))
        {
            // The customer left while the offer was ringing: the queue already let the contact go.
            Forget(request);
            DropAssignment(contactId, _ => workload.Complete(contactId, clock.GetUtcNow(), TimeSpan.Zero));
            await SaveAsync();
            ArmDeadlineTimer();
            PublishToQueues();
            await PullWorkAsync();
            return Reply.Failure<AssignmentView>(ReplyStatus.FailedPrecondition, $"contact '{contactId}' ended before the offer was accepted");
        }

        ArmDeadlineTimer();

        // Awaited: once the desktop is told "accepted", the contact says connected too, even after a crash.
        await grains.Get<IContactGrain>(contactId).Connected(AgentId, state.State.Tickets[contactId]);
        LogOfferAccepted(logger, contactId, AgentId);
        return Reply.Success(ViewOf(connected));
    }

    private async Task<Reply> RejectAsync(string contactId, string reason)
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

        await MissOfferAsync(assignment, string.IsNullOrWhiteSpace(reason) ? "rejected" : reason, expired: false);
        return Reply.Ok;
    }

    private async Task<Reply<AssignmentView>> CompleteAsync(string contactId, Assignment? assignment, string disposition)
    {
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

    private async Task<Reply> EndWrapUpCommandAsync(string contactId)
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

    /// <summary>The queue lets the contact go (a no-op when it already has) and the contact reads connected.</summary>
    private async Task TellConnectedAsync(Assignment assignment)
    {
        await grains.Get<IQueueGrain>(assignment.QueueId).Connected(assignment.ContactId, AgentId);
        await grains.Get<IContactGrain>(assignment.ContactId).Connected(AgentId, state.State.Tickets[assignment.ContactId]);
    }

    private async Task MissOfferAsync(Assignment assignment, string reason, bool expired)
    {
        // The queue first: if the process dies in between, this agent still holds the reservation and re-claims
        // or lets it go on activation, instead of the queue keeping an offer nobody holds.
        await grains.Get<IQueueGrain>(assignment.QueueId).Return(assignment.ContactId, AgentId);

        // Then the contact, before this agent lets go: a crash in between leaves the reservation here, and activation
        // re-claims it (telling the contact it is offered again) or returns it for good.
        await grains.Get<IContactGrain>(assignment.ContactId).OfferReturned(AgentId, reason, assignment.Since);
        finished.Remember(assignment.ContactId, ViewOf(assignment));
        DropAssignment(assignment.ContactId, workload.ReleaseOffer);
        state.State.Presence = MissedOffer.Presence;
        state.State.NotReadyReason = MissedOffer.NotReadyReason(reason);
        await SaveAsync();
        metrics.OfferMissed(expired);
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
        var contact = grains.Get<IContactGrain>(assignment.ContactId);
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
        var view = new AssignmentView(ticket, ended.Phase, ended.Since, ended.Until);
        carriedOutcome = view;
        state.State.PendingTransfers.Remove(assignment.ContactId);
        if (wrapUp <= TimeSpan.Zero)
        {
            state.State.Tickets.Remove(assignment.ContactId);
            MarkIdleIfFree(now);
        }

        await SaveAsync();
        grains.Get<IQueueGrain>(assignment.QueueId).Handled(assignment.ContactId, assignment.Channel, now - assignment.Since, wrapUp).Ignore();
        ArmDeadlineTimer();
        PublishToQueues();
        return view;
    }

    private TimeSpan WrapUpFor(Channel channel) => Definition?.WrapUp.GetValueOrDefault(channel) ?? TimeSpan.Zero;

    private async Task EndWrapUpAsync(Assignment assignment)
    {
        await grains.Get<IContactGrain>(assignment.ContactId).Completed(AgentId, "wrap-up ended");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} accepted by agent {AgentId}")]
    private static partial void LogOfferAccepted(ILogger logger, string contactId, string agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} offer missed by agent {AgentId}: {Reason}")]
    private static partial void LogOfferMissed(ILogger logger, string contactId, string agentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} completed by agent {AgentId} after {HandleTime}")]
    private static partial void LogContactCompleted(ILogger logger, string contactId, string agentId, TimeSpan handleTime);
}
