namespace Routing.Grains;

/// <summary>
/// A contact's life, from routing to its single end. Keyed by an id derived from the client's request id, so a
/// retried RouteContact lands here again and gets the first decision back instead of routing twice.
/// </summary>
public sealed partial class ContactGrain(
    [PersistentState("contact", StorageNames.Routing)] IPersistentState<ContactRecord> state,
    IGrainContext context,
    TimeProvider clock,
    IOptions<RoutingGrainOptions> options,
    ILogger<ContactGrain> logger) : Grain, IContactGrain
{

    // Agents' notices interleave with this grain's own calls; writes still go one at a time in call order.
    private Task lastWrite = Task.CompletedTask;

    // Agents whose offer came back while Route was still deciding (a reject can overtake the routing call's reply):
    // Route must not then record the contact as offered to them.
    private readonly ChangeWatchers changes = new(context, options.Value.WatchLease, clock, logger);
    private readonly HashSet<string> returnedWhileRouting = new(StringComparer.Ordinal);

    private string ContactId => this.GetPrimaryKeyString();

    private ContactRecord Record => state.State;

    public async Task<Reply<RouteDecision>> Route(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Record.Decision is not null)
        {
            return Reply.Success(Record.Decision);
        }

        if (Record.Ticket is not null && Record.State != ContactState.Queued)
        {
            // A retry of a route whose answer was lost in a crash after an agent took the contact: answer with
            // where it is now instead of queueing it again.
            Record.Decision = new RouteDecision(ContactId, Record.State, Record.AgentId, null, null, Record.Reason);
            await SaveAsync();
            return Reply.Success(Record.Decision);
        }

        if (Record.Ticket is null)
        {
            var created = await CreateTicketAsync(request);
            if (!created.IsOk)
            {
                return Reply.Failure<RouteDecision>(created);
            }

            // Not written yet: the queue's write makes the contact durable, and a retry after a crash rebuilds this
            // record while the queue (keyed by contact id) and the customer answer as before.
        }

        // Into the queue, or on along overflow queues while lines are full; each queue at most once.
        var overflowedFrom = new List<string>();
        IQueueGrain queue;
        EnqueueResult enqueued;
        while (true)
        {
            queue = GrainFactory.GetGrain<IQueueGrain>(Record.Ticket!.QueueId);
            enqueued = await queue.Enqueue(Record.Ticket);
            Record.Ticket = enqueued.Ticket ?? Record.Ticket;
            if (enqueued.Reply.IsOk)
            {
                break;
            }

            if (enqueued.Reply.Status != ReplyStatus.FailedPrecondition && overflowedFrom.Count == 0)
            {
                return Reply.Failure<RouteDecision>(enqueued.Reply);
            }

            // A full line (or an overflow queue that cannot take the contact) is a decision, not an error.
            var definition = await queue.GetDefinition();
            overflowedFrom.Add(Record.Ticket.QueueId);
            var lineFull = enqueued.Reply.Status == ReplyStatus.FailedPrecondition;
            if (lineFull && definition is not null && Admission.OverflowTo(definition.WhenFull, definition.OverflowQueueId, overflowedFrom) is { } next)
            {
                // Written before trying the next queue: a retry after a crash resumes there instead of queueing the
                // contact again in a first queue that may have room by then.
                Record.Ticket = Record.Ticket with { QueueId = next };
                await SaveAsync();
                continue;
            }

            var callbackOffered = definition is not null && Admission.OffersCallback(definition.WhenFull, lineFull);
            var refusal = Admission.RefusalReason(overflowedFrom.SkipLast(1), enqueued.Reply.Message, callbackOffered);
            await EndAsync(ContactState.Refused, refusal, agentId: null);
            Record.Decision = new RouteDecision(ContactId, ContactState.Refused, null, null, null, refusal, callbackOffered);
            await SaveAsync();
            return Reply.Success(Record.Decision);
        }

        foreach (var (agentId, reason) in enqueued.Candidates.Zip(enqueued.CandidateReasons).Take(options.Value.CandidatesTriedOnArrival))
        {
            var taken = await GrainFactory.GetGrain<IAgentGrain>(agentId).TakeWork();
            if (taken.Contains(ContactId) && Record.State == ContactState.Queued && !returnedWhileRouting.Contains(agentId))
            {
                MarkOffered(agentId, $"offered to {agentId}: {reason}");
                break;
            }
        }

        if (Record.State == ContactState.Queued)
        {
            var status = await queue.GetContactStatus(ContactId);
            if (status.OfferedTo is not null && !returnedWhileRouting.Contains(status.OfferedTo))
            {
                MarkOffered(status.OfferedTo, $"offered to {status.OfferedTo}, who freed capacity at the same moment");
            }
            else
            {
                Record.Reason = Admission.OverflowNote(overflowedFrom) + (Record.Ticket.IsCallback ? $"callback to {Record.Ticket.CallbackNumber} scheduled; " : string.Empty) + status.Explanation;
                Record.Decision = new RouteDecision(ContactId, ContactState.Queued, null, status.Position, status.EstimatedWait, Record.Reason);
            }
        }

        Record.Decision ??= new RouteDecision(ContactId, ContactState.Offered, Record.AgentId, null, TimeSpan.Zero, Record.Reason);
        await SaveAsync();
        LogContactRouted(logger, ContactId, Record.Ticket.QueueId, Record.Decision.State, Record.AgentId);
        return Reply.Success(Record.Decision);
    }

    public async Task AnotherContactStarted(string contactId)
    {
        if (IsUnknownOrEnded || Record.OtherContactsInProgress.Contains(contactId))
        {
            return;
        }

        Record.OtherContactsInProgress.Add(contactId);
        await SaveAsync();
    }

    public async Task<Reply<ContactView>> RequestCallback(string callbackNumber)
    {
        if (Record.Ticket is null)
        {
            return Reply.Failure<ContactView>(ReplyStatus.NotFound, $"contact '{ContactId}' does not exist");
        }

        if (Record.Ticket.CallbackNumber == callbackNumber)
        {
            return Reply.Success(View());
        }

        if (Record.Ticket.Channel != Channel.Voice || Record.State != ContactState.Queued)
        {
            return Reply.Failure<ContactView>(
                ReplyStatus.FailedPrecondition,
                $"contact '{ContactId}' is a {Record.Ticket.Channel.ToString().ToLowerInvariant()} contact in state {Record.State.ToString().ToLowerInvariant()}: only a voice call waiting in line can take a callback");
        }

        // The queue first: it holds the place in line, and the ticket an agent will be offered.
        var scheduled = await GrainFactory.GetGrain<IQueueGrain>(Record.Ticket.QueueId).ScheduleCallback(ContactId, callbackNumber);
        if (!scheduled.IsOk)
        {
            return Reply.Failure<ContactView>(scheduled);
        }

        Record.Ticket = Record.Ticket with { CallbackNumber = callbackNumber };
        Record.Reason = $"callback to {callbackNumber} scheduled; the place in line is kept without holding the line";
        await SaveAsync();
        LogCallbackScheduled(logger, ContactId, Record.Ticket.QueueId);
        return Reply.Success(View());
    }

    public async Task<Reply<ContactView>> RecordFeedback(CustomerFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (Record.Ticket is null)
        {
            return Reply.Failure<ContactView>(ReplyStatus.NotFound, $"contact '{ContactId}' does not exist");
        }

        if (feedback.Problem() is { } problem)
        {
            return Reply.Failure<ContactView>(ReplyStatus.InvalidArgument, problem);
        }

        if (Record.AnsweredAt is null || Record.AgentId is null || Record.State is not (ContactState.Completed or ContactState.WrapUp))
        {
            return Reply.Failure<ContactView>(
                ReplyStatus.FailedPrecondition,
                $"contact '{ContactId}' is {Record.State.ToString().ToLowerInvariant()}: feedback is for a contact an agent answered and finished");
        }

        if (Record.Feedback is not null && Record.Feedback != feedback)
        {
            return Reply.Failure<ContactView>(ReplyStatus.FailedPrecondition, $"feedback for contact '{ContactId}' was already recorded");
        }

        if (Record.Feedback is null)
        {
            Record.Feedback = feedback;
            await SaveAsync();
        }

        if (!Record.FeedbackPropagated)
        {
            await GrainFactory.GetGrain<ICustomerGrain>(Record.Ticket.CustomerId).FeedbackGiven(ContactId, feedback);
            await GrainFactory.GetGrain<IQueueGrain>(Record.Ticket.QueueId).FeedbackReceived(feedback);
            await GrainFactory.GetGrain<IAgentGrain>(Record.AgentId).FeedbackReceived(feedback);
            Record.FeedbackPropagated = true;
            await SaveAsync();
        }

        return Reply.Success(View());
    }

    public async Task<Reply<ContactView>> Cancel()
    {
        if (Record.Ticket is null)
        {
            return Reply.Failure<ContactView>(ReplyStatus.NotFound, $"contact '{ContactId}' does not exist");
        }

        if (IsEnded)
        {
            // A retried cancel: the first may have failed after this record's write, before the customer heard.
            await TellCustomerEndedAsync();
            return Reply.Success(View());
        }

        if (Record.State is ContactState.Queued or ContactState.Offered)
        {
            var abandoned = await GrainFactory.GetGrain<IQueueGrain>(Record.Ticket.QueueId).Abandon(ContactId);
            if (abandoned.IsOk)
            {
                if (abandoned.Value is { } offeredTo)
                {
                    await GrainFactory.GetGrain<IAgentGrain>(offeredTo).CustomerLeft(ContactId);
                }

                await EndAsync(ContactState.Abandoned, "the customer left before being answered", agentId: null);
                return Reply.Success(View());
            }

            // Answered a moment ago, before this contact heard of it from the agent.
            Record.AgentId ??= abandoned.Value;
        }

        // With an agent: the agent ends it into wrap-up and tells us.
        if (Record.AgentId is not null)
        {
            await GrainFactory.GetGrain<IAgentGrain>(Record.AgentId).CustomerLeft(ContactId);
        }

        return Reply.Success(View());
    }

    public Task<ContactView?> Get() => Task.FromResult(Record.Ticket is null ? null : View());

    public async Task Offered(string agentId, string reason)
    {
        // Only a waiting contact becomes offered: a late notice must not undo a connection.
        if (IsUnknownOrEnded || Record.State != ContactState.Queued)
        {
            return;
        }

        MarkOffered(agentId, reason);
        await SaveAsync();
    }

    public async Task OfferReturned(string agentId, string reason)
    {
        if (Record.Decision is null && Record.State == ContactState.Queued)
        {
            returnedWhileRouting.Add(agentId);
            return;
        }

        if (IsUnknownOrEnded || Record.AgentId != agentId || Record.State != ContactState.Offered)
        {
            return;
        }

        Record.State = ContactState.Queued;
        Record.AgentId = null;
        Record.Reason = $"offer to {agentId} returned ({reason}); back in its place in line";
        await SaveAsync();
    }

    /// <param name="ticket">Restores the record if the crash came before this contact's first write: the agent
    /// answered it, so it exists, and a retried RouteContact must find it rather than queue it again.</param>
    public async Task Connected(string agentId, ContactTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Record.Ticket ??= ticket;
        if (IsEnded)
        {
            return;
        }

        Record.State = ContactState.Connected;
        Record.AgentId = agentId;
        Record.AnsweredAt ??= clock.GetUtcNow();
        Record.Reason = $"connected to {agentId}";
        await SaveAsync();
    }

    public async Task Transferred(string fromAgentId, ContactTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (IsUnknownOrEnded || Record.AgentId != fromAgentId || Record.State is not (ContactState.Connected or ContactState.Offered))
        {
            return;
        }

        Record.Ticket = ticket;
        Record.State = ContactState.Queued;
        Record.AgentId = null;
        Record.Transfers++;
        Record.Reason = ticket.PreferredAgentId is { } to
            ? $"transferred by {fromAgentId} to agent {to} in queue '{ticket.QueueId}'"
            : $"transferred by {fromAgentId} to queue '{ticket.QueueId}'";
        await SaveAsync();
    }

    public async Task WrapUp(string agentId)
    {
        // Only from the agent it is with: an agent it was transferred away from wraps up without ending it.
        if (IsUnknownOrEnded || Record.AgentId != agentId)
        {
            return;
        }

        Record.State = ContactState.WrapUp;
        Record.Reason = $"agent {agentId} is wrapping up";
        await SaveAsync();
    }

    public async Task Completed(string agentId, string disposition)
    {
        if (IsEnded && Record.AgentId == agentId)
        {
            // A retried complete: the first may have failed after this record's write, before the customer heard.
            await TellCustomerEndedAsync();
            return;
        }

        if (IsUnknownOrEnded || Record.AgentId != agentId)
        {
            return;
        }

        await EndAsync(ContactState.Completed, string.IsNullOrWhiteSpace(disposition) ? "completed" : disposition, agentId);
    }

    public Task<ContactView?> Watch(IChangeObserver watcher)
    {
        changes.Watch(watcher);
        return Task.FromResult(Record.Ticket is null ? null : View());
    }

    public Task Unwatch(IChangeObserver watcher)
    {
        changes.Unwatch(watcher);
        return Task.CompletedTask;
    }

    /// <summary>The contact's ticket from the request, an IVR destination, and what the customer is to the router.</summary>
    private async Task<Reply> CreateTicketAsync(RouteRequest request)
    {
        IReadOnlyList<IvrStep>? ivrPath = null;
        if (request.IvrSessionId is { } sessionId)
        {
            var session = await GrainFactory.GetGrain<IIvrSessionGrain>(sessionId).Get();
            if (session?.State.Destination is not { } destination)
            {
                return Reply.Fail(
                    ReplyStatus.FailedPrecondition,
                    session is null ? $"IVR session '{sessionId}' does not exist" : $"IVR session '{sessionId}' has not reached a route yet: it is at menu '{session.State.CurrentMenuId}'");
            }

            if (destination.Kind == IvrRouteKind.Callback && request.CallbackNumber is null)
            {
                return Reply.Fail(ReplyStatus.FailedPrecondition, $"the caller chose a callback in IVR session '{sessionId}': callback_number is required");
            }

            ivrPath = session.State.Path;
            request = WithDestination(request, destination);
        }

        if (request.QueueId.Length == 0)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, "queue_id is required unless ivr_session_id names a session that reached a queue");
        }

        var definition = await GrainFactory.GetGrain<IQueueGrain>(request.QueueId).GetDefinition();
        if (definition is null)
        {
            return Reply.Fail(ReplyStatus.NotFound, $"queue '{request.QueueId}' does not exist");
        }

        if (!definition.Channels.Contains(request.Channel))
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, $"queue '{request.QueueId}' does not take {request.Channel.ToString().ToLowerInvariant()}");
        }

        if (request.CallbackNumber is not null && request.Channel != Channel.Voice)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, $"a callback is a voice call, not {request.Channel.ToString().ToLowerInvariant()}");
        }

        var customer = await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).ContactStarted(ContactId);
        var skills = request.RequiredSkills.Count > 0 ? request.RequiredSkills : definition.DefaultSkills;
        var priority = ContactPriority.ForTier(request.Priority ?? ContactPriority.Default, customer.Tier, options.Value.VipPriorityBoost);
        var now = clock.GetUtcNow();
        var (preferred, preferredUntil) = PreferredAgentRules.ForReturningCustomer(
            customer.LastAgentId, customer.LastServedAt, now, options.Value.PreferredAgentPeriod, options.Value.PreferredAgentWait);
        Record.Ticket = new ContactTicket(
            ContactId,
            request.QueueId,
            request.Channel,
            request.CustomerId,
            priority,
            skills,
            request.Attributes,
            now,
            ivrPath,
            request.CallbackNumber,
            preferred,
            preferredUntil);
        Record.State = ContactState.Queued;
        Record.OtherContactsInProgress = [.. customer.OtherContactsInProgress];
        return Reply.Ok;
    }

    /// <summary>What the caller chose in the menus fills what the request leaves empty.</summary>
    private static RouteRequest WithDestination(RouteRequest request, IvrDestination destination)
    {
        var attributes = new Dictionary<string, string>(request.Attributes, StringComparer.Ordinal);
        if (destination.Language is { } language)
        {
            attributes.TryAdd(ContactAttributes.Language, language);
        }

        return request with
        {
            QueueId = request.QueueId.Length > 0 ? request.QueueId : destination.QueueId,
            RequiredSkills = request.RequiredSkills.Count > 0 ? request.RequiredSkills : destination.RequiredSkills,
            Priority = request.Priority ?? destination.Priority,
            Channel = destination.Kind == IvrRouteKind.LeaveEmail ? Channel.Email : request.Channel,
            Attributes = attributes,
        };
    }

    // A notice for a contact this grain never recorded (its route is being retried after a crash) changes nothing.
    private bool IsUnknownOrEnded => Record.Ticket is null || IsEnded;

    private bool IsEnded => Record.State is ContactState.Completed or ContactState.Abandoned or ContactState.Refused;

    private void MarkOffered(string agentId, string reason)
    {
        Record.State = ContactState.Offered;
        Record.AgentId = agentId;
        Record.Reason = reason;
    }

    /// <summary>The single end of a contact: recorded once, in the customer's history too.</summary>
    private async Task EndAsync(ContactState outcome, string reason, string? agentId)
    {
        var now = clock.GetUtcNow();
        Record.State = outcome;
        Record.Reason = reason;
        Record.EndedAt = now;
        Record.AgentId = agentId;
        await SaveAsync();
        await TellCustomerEndedAsync();
        LogContactEnded(logger, ContactId, outcome, reason);
    }

    /// <summary>The customer's history gets the ended contact; the customer ignores a repeat.</summary>
    private Task TellCustomerEndedAsync()
    {
        var ticket = Record.Ticket!;
        var endedAt = Record.EndedAt!.Value;
        var wait = (Record.AnsweredAt ?? endedAt) - ticket.ArrivedAt;
        var handle = Record.AnsweredAt is { } answered ? endedAt - answered : TimeSpan.Zero;
        return GrainFactory.GetGrain<ICustomerGrain>(ticket.CustomerId).ContactEnded(
            new CustomerContactRecord(ContactId, ticket.Channel, ticket.QueueId, Record.AgentId, Record.State, wait, handle, endedAt, ticket.IvrPath));
    }

    private ContactView View() => new(
        Record.Ticket!,
        Record.State,
        Record.AgentId,
        Record.Reason,
        Record.AnsweredAt,
        Record.EndedAt,
        Record.OtherContactsInProgress,
        Record.Version,
        Record.Feedback,
        Record.Transfers);

    private async Task SaveAsync()
    {
        var previous = lastWrite;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lastWrite = done.Task;
        try
        {
            await previous;
            Record.Version++;
            await state.WriteOrDeactivateAsync(this);
            changes.Notify();
        }
        finally
        {
            done.SetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} routed in {QueueId}: {State} {AgentId}")]
    private static partial void LogContactRouted(ILogger logger, string contactId, string queueId, ContactState state, string? agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} in {QueueId} will be called back")]
    private static partial void LogCallbackScheduled(ILogger logger, string contactId, string queueId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} ended {Outcome}: {Reason}")]
    private static partial void LogContactEnded(ILogger logger, string contactId, ContactState outcome, string reason);
}
