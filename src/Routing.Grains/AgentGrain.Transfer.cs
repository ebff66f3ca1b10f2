namespace Routing.Grains;

/// <summary>Passing a connected contact on to a queue or another agent.</summary>
public sealed partial class AgentGrain
{
    public async Task<Reply<AssignmentView>> TransferContact(string contactId, string? toQueueId, string? toAgentId, RequestKey? request = null)
    {
        if (Refusal(request, out var earlierRequest) is { } refused)
        {
            return Reply.Failure<AssignmentView>(refused);
        }

        var assignment = workload.Get(contactId);
        if (assignment is null && finished.TryGet(contactId, out var earlier) && earlier.Phase is AssignmentPhase.Completed or AssignmentPhase.WrapUp)
        {
            // A retried transfer (or one after the contact was finished here): what this agent's part ended as.
            return Reply.Success(earlier);
        }

        if (assignment is null && earlierRequest?.Outcome is { } first)
        {
            return Reply.Success(first);
        }

        return await CarryingAsync(request, () => TransferAsync(contactId, assignment, toQueueId, toAgentId, request));
    }

    private async Task<Reply<AssignmentView>> TransferAsync(string contactId, Assignment? assignment, string? toQueueId, string? toAgentId, RequestKey? request)
    {
        string queueId;
        try
        {
            TransferRules.CheckTransferable(AgentId, contactId, assignment, toAgentId);
            queueId = toQueueId ?? assignment.QueueId;
            var definition = await grains.Get<IQueueGrain>(queueId).GetDefinition();
            var target = toAgentId is null ? null : await grains.Get<IAgentGrain>(toAgentId).GetPresence();
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
        return await CarryOutTransferAsync(assignment, moved, request);
    }

    /// <summary>Into the target queue (original arrival kept), onto the contact's record, then this agent lets go.</summary>
    private async Task<Reply<AssignmentView>> CarryOutTransferAsync(Assignment assignment, ContactTicket moved, RequestKey? request = null)
    {
        var contactId = assignment.ContactId;
        var enqueued = await grains.Get<IQueueGrain>(moved.QueueId).Enqueue(moved);
        if (!enqueued.Reply.IsOk)
        {
            // A full target queue: the agent keeps the contact and may try elsewhere.
            Forget(request);
            state.State.PendingTransfers.Remove(contactId);
            await SaveAsync();
            return Reply.Failure<AssignmentView>(enqueued.Reply);
        }

        await grains.Get<IContactGrain>(contactId).Transferred(AgentId, enqueued.Ticket ?? moved);
        foreach (var candidate in enqueued.Candidates.Where(c => c != AgentId).Take(options.Value.AgentsNudged))
        {
            grains.Get<IAgentGrain>(candidate).WorkAvailable(moved.QueueId).Ignore();
        }

        var view = await EndHandlingAsync(assignment, clock.GetUtcNow(), WrapUpFor(assignment.Channel));
        LogContactTransferred(logger, contactId, AgentId, moved.QueueId, moved.PreferredAgentId);
        finished.Remember(contactId, view);
        await PullWorkAsync();
        return Reply.Success(view);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} transferred by {AgentId} to queue {QueueId} (agent {ToAgentId})")]
    private static partial void LogContactTransferred(ILogger logger, string contactId, string agentId, string queueId, string? toAgentId);
}
