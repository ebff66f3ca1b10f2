namespace Routing.Grains;

/// <summary>
/// A contact's life, from routing to its single end. Keyed by an id derived from the client's request id, so a
/// retried RouteContact lands here again and gets the first decision back instead of routing twice.
/// </summary>
public sealed partial class ContactGrain(
    [PersistentState("contact", StorageNames.Routing)] IPersistentState<ContactRecord> state,
    TimeProvider clock,
    IOptions<RoutingGrainOptions> options,
    ILogger<ContactGrain> logger) : Grain, IContactGrain
{
    private readonly ChangeSignal changes = new();

    // Agents' notices interleave with this grain's own calls; writes still go one at a time in call order.
    private Task lastWrite = Task.CompletedTask;

    // Agents whose offer came back while Route was still deciding (a reject can overtake the routing call's reply):
    // Route must not then record the contact as offered to them.
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

        var queue = GrainFactory.GetGrain<IQueueGrain>(request.QueueId);
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
            var definition = await queue.GetDefinition();
            if (definition is null)
            {
                return Reply.Failure<RouteDecision>(ReplyStatus.NotFound, $"queue '{request.QueueId}' does not exist");
            }

            if (!definition.Channels.Contains(request.Channel))
            {
                return Reply.Failure<RouteDecision>(ReplyStatus.InvalidArgument, $"queue '{request.QueueId}' does not take {request.Channel.ToString().ToLowerInvariant()}");
            }

            var skills = request.RequiredSkills.Count > 0 ? request.RequiredSkills : definition.DefaultSkills;
            Record.Ticket = new ContactTicket(
                ContactId, request.QueueId, request.Channel, request.CustomerId, request.Priority, skills, request.Attributes, clock.GetUtcNow());
            Record.State = ContactState.Queued;
            Record.OtherContactsInProgress = [.. await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).ContactStarted(ContactId)];

            // Not written yet: the queue's write makes the contact durable, and a retry after a crash rebuilds this
            // record while the queue (keyed by contact id) and the customer answer as before.
        }

        var enqueued = await queue.Enqueue(Record.Ticket);
        Record.Ticket = enqueued.Ticket ?? Record.Ticket;
        if (!enqueued.Reply.IsOk)
        {
            if (enqueued.Reply.Status != ReplyStatus.FailedPrecondition)
            {
                return Reply.Failure<RouteDecision>(enqueued.Reply);
            }

            // A full queue is a decision, not an error: the contact is refused with the reason.
            await EndAsync(ContactState.Refused, enqueued.Reply.Message, agentId: null);
            Record.Decision = new RouteDecision(ContactId, ContactState.Refused, null, null, null, enqueued.Reply.Message);
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
                Record.Reason = status.Explanation;
                Record.Decision = new RouteDecision(ContactId, ContactState.Queued, null, status.Position, status.EstimatedWait, status.Explanation);
            }
        }

        Record.Decision ??= new RouteDecision(ContactId, ContactState.Offered, Record.AgentId, null, TimeSpan.Zero, Record.Reason);
        await SaveAsync();
        LogContactRouted(logger, ContactId, Record.Ticket.QueueId, Record.Decision.State, Record.AgentId);
        return Reply.Success(Record.Decision);
    }

    public async Task<Reply<ContactView>> Cancel()
    {
        if (Record.Ticket is null)
        {
            return Reply.Failure<ContactView>(ReplyStatus.NotFound, $"contact '{ContactId}' does not exist");
        }

        if (IsEnded)
        {
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

    public async Task WrapUp(string agentId)
    {
        if (IsUnknownOrEnded)
        {
            return;
        }

        Record.State = ContactState.WrapUp;
        Record.Reason = $"agent {agentId} is wrapping up";
        await SaveAsync();
    }

    public async Task Completed(string agentId, string disposition)
    {
        if (IsUnknownOrEnded)
        {
            return;
        }

        await EndAsync(ContactState.Completed, string.IsNullOrWhiteSpace(disposition) ? "completed" : disposition, agentId);
    }

    public async Task<ContactView?> WaitForChange(long afterVersion, TimeSpan maxWait)
    {
        if (Record.Ticket is not null && Record.Version <= afterVersion && !IsEnded)
        {
            await changes.WaitAsync(maxWait, clock);
        }

        return Record.Ticket is null ? null : View();
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
        var ticket = Record.Ticket!;
        var wait = (Record.AnsweredAt ?? now) - ticket.ArrivedAt;
        var handle = Record.AnsweredAt is { } answered ? now - answered : TimeSpan.Zero;
        await GrainFactory.GetGrain<ICustomerGrain>(ticket.CustomerId).ContactEnded(
            new CustomerContactRecord(ContactId, ticket.Channel, ticket.QueueId, agentId, outcome, wait, handle, now));
        LogContactEnded(logger, ContactId, outcome, reason);
    }

    private ContactView View() => new(
        Record.Ticket!,
        Record.State,
        Record.AgentId,
        Record.Reason,
        Record.AnsweredAt,
        Record.EndedAt,
        Record.OtherContactsInProgress,
        Record.Version);

    private async Task SaveAsync()
    {
        var previous = lastWrite;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lastWrite = done.Task;
        try
        {
            await previous;
            Record.Version++;
            await state.WriteStateAsync();
            changes.Notify();
        }
        finally
        {
            done.SetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} routed in {QueueId}: {State} {AgentId}")]
    private static partial void LogContactRouted(ILogger logger, string contactId, string queueId, ContactState state, string? agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} ended {Outcome}: {Reason}")]
    private static partial void LogContactEnded(ILogger logger, string contactId, ContactState outcome, string reason);
}
