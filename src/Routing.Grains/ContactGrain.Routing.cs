namespace Routing.Grains;

/// <summary>Routing a new contact: its ticket, admission along overflow queues, and the first agents asked to take it.</summary>
public sealed partial class ContactGrain
{
    public async Task<Reply<RouteDecision>> Route(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Record.RequestFingerprint is { } first && request.Fingerprint is { } asked && first != asked)
        {
            return Reply.Failure<RouteDecision>(
                ReplyStatus.FailedPrecondition,
                $"request_id '{request.RequestId}' was already used for a different contact; a new contact needs a new id");
        }

        if (Record.Decision is not null)
        {
            // A retry: the first attempt may have failed after its decision was written but before the customer heard.
            await CustomerOf(Record.Ticket).ContactStarted(ContactId);
            return Reply.Success(Record.Decision);
        }

        if (Record.Ticket is not null && Record.State != ContactState.Queued)
        {
            // A retry of a route whose answer was lost in a crash after an agent took the contact: answer with
            // where it is now instead of queueing it again.
            Record.Decision = new RouteDecision(ContactId, Record.State, Record.AgentId, null, null, Record.Reason);
            await Task.WhenAll(SaveAsync(), CustomerOf(Record.Ticket).ContactStarted(ContactId));
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
        var (queue, enqueued, finished) = await EnqueueAlongOverflowAsync(overflowedFrom);
        if (finished is not null)
        {
            if (finished.IsOk)
            {
                metrics.Routed(Record.Ticket!.Channel, finished.Value!.State);
            }

            return finished;
        }

        await OfferOrWaitAsync(queue, enqueued, overflowedFrom);
        Record.Decision ??= new RouteDecision(ContactId, ContactState.Offered, Record.AgentId, null, TimeSpan.Zero, Record.Reason);

        // The customer's history is told once the offer is on its way, in the same storage batch as the decision.
        await Task.WhenAll(SaveAsync(), CustomerOf(Record.Ticket).ContactStarted(ContactId));
        LogContactRouted(logger, ContactId, Record.Ticket!.QueueId, Record.Decision.State, Record.AgentId);
        metrics.Routed(Record.Ticket.Channel, Record.Decision.State);
        return Reply.Success(Record.Decision);
    }

    /// <summary>
    /// Joins the ticket's queue, or the next overflow queue while lines are full. A full line that sends the contact
    /// nowhere is a decision (refused, maybe with a callback offered), returned as <c>Finished</c>; so is a refusal.
    /// </summary>
    private async Task<(IQueueGrain Queue, EnqueueResult Enqueued, Reply<RouteDecision>? Finished)> EnqueueAlongOverflowAsync(List<string> overflowedFrom)
    {
        while (true)
        {
            var queue = grains.Get<IQueueGrain>(Record.Ticket!.QueueId);
            var enqueued = await queue.Enqueue(Record.Ticket);
            Record.Ticket = enqueued.Ticket ?? Record.Ticket;
            if (enqueued.Reply.IsOk)
            {
                return (queue, enqueued, null);
            }

            if (enqueued.Reply.Status != ReplyStatus.FailedPrecondition && overflowedFrom.Count == 0)
            {
                return (queue, enqueued, Reply.Failure<RouteDecision>(enqueued.Reply));
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
            return (queue, enqueued, Reply.Success(Record.Decision));
        }
    }

    /// <summary>
    /// Asks the free agents the queue ranked first to take the contact; if none did, it waits, with its place and
    /// estimate as the decision (unless an agent freeing capacity at the same moment took it meanwhile).
    /// </summary>
    private async Task OfferOrWaitAsync(IQueueGrain queue, EnqueueResult enqueued, List<string> overflowedFrom)
    {
        foreach (var (agentId, reason) in enqueued.Candidates.Zip(enqueued.CandidateReasons).Take(options.Value.CandidatesTriedOnArrival))
        {
            var taken = await grains.Get<IAgentGrain>(agentId).TakeWork();
            if (taken.Contains(ContactId) && Record.State == ContactState.Queued && !returnedWhileRouting.Contains(agentId))
            {
                MarkOffered(agentId, $"offered to {agentId}: {reason}");
                return;
            }
        }

        if (Record.State != ContactState.Queued)
        {
            return;
        }

        var status = await queue.GetContactStatus(ContactId);
        if (status.OfferedTo is not null && !returnedWhileRouting.Contains(status.OfferedTo))
        {
            MarkOffered(status.OfferedTo, $"offered to {status.OfferedTo}, who freed capacity at the same moment");
            return;
        }

        var ticket = Record.Ticket!;
        Record.Reason = Admission.OverflowNote(overflowedFrom) + (ticket.IsCallback ? $"callback to {ticket.CallbackNumber} scheduled; " : string.Empty) + status.Explanation;
        Record.Decision = new RouteDecision(ContactId, ContactState.Queued, null, status.Position, status.EstimatedWait, Record.Reason);
    }

    /// <summary>The contact's ticket from the request, an IVR destination, and what the customer is to the router.</summary>
    private async Task<Reply> CreateTicketAsync(RouteRequest request)
    {
        IReadOnlyList<IvrStep>? ivrPath = null;
        if (request.IvrSessionId is { } sessionId)
        {
            var session = await grains.Get<IIvrSessionGrain>(sessionId).Get();
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

        var definition = await grains.Get<IQueueGrain>(request.QueueId).GetDefinition();
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

        var customer = await grains.Get<ICustomerGrain>(request.CustomerId).Context(ContactId);
        var skills = request.RequiredSkills.Count > 0 ? request.RequiredSkills : definition.DefaultSkills;
        var priority = ContactPriority.ForTier(request.Priority ?? ContactPriority.Default, customer.Tier, options.Value.VipPriorityBoost);
        var now = clock.GetUtcNow();
        var (preferred, preferredUntil) = PreferredAgentRules.ForReturningCustomer(
            customer.LastAgentId, customer.LastServedAt, now, options.Value.PreferredAgentPeriod, options.Value.PreferredAgentWait);
        Record.RequestFingerprint = request.Fingerprint;
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
        return Reply.Ok;
    }

    private ICustomerGrain CustomerOf(ContactTicket? ticket) => grains.Get<ICustomerGrain>(ticket!.CustomerId);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} routed in {QueueId}: {State} {AgentId}")]
    private static partial void LogContactRouted(ILogger logger, string contactId, string queueId, ContactState state, string? agentId);
}
