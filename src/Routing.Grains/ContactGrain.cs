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
    ILogger<ContactGrain> logger,
    GrainReferences grains,
    RoutingMetrics metrics) : Grain, IContactGrain
{
    // Agents' notices interleave with this grain's own calls; writes still go one at a time in call order.
    private Task lastWrite = Task.CompletedTask;

    private readonly ChangeWatchers<IChangeObserver> changes = new(context, options.Value.WatchLease, clock, logger);

    // Agents whose offer came back while Route was still deciding (a reject can overtake the routing call's reply):
    // Route must not then record the contact as offered to them.
    private readonly HashSet<string> returnedWhileRouting = new(StringComparer.Ordinal);

    // Offers returned before this contact heard they were made: OfferReturned interleaves, so it can overtake the
    // one-way Offered hint waiting behind this contact's own calls, which must then not mark it offered.
    private readonly HashSet<(string AgentId, DateTimeOffset OfferedAt)> returnedBeforeHeard = [];

    private string ContactId => this.GetPrimaryKeyString();

    private ContactRecord Record => state.State;

    public async Task<ContactView?> Get()
    {
        if (Record.Ticket is null)
        {
            // An unknown id (mistyped, or hostile ones by the thousand) must not leave an empty activation behind.
            this.DeactivateOnIdle();
            return null;
        }

        return await ViewAsync();
    }

    public async Task Offered(string agentId, string reason, DateTimeOffset offeredAt)
    {
        // Only a waiting contact becomes offered: a late notice must not undo a connection, nor revive a returned offer.
        if (returnedBeforeHeard.Remove((agentId, offeredAt)) || IsUnknownOrEnded || Record.State != ContactState.Queued)
        {
            return;
        }

        MarkOffered(agentId, reason);
        await SaveAsync();
    }

    public async Task OfferReturned(string agentId, string reason, DateTimeOffset offeredAt)
    {
        if (Record.Decision is null && Record.State == ContactState.Queued)
        {
            returnedWhileRouting.Add(agentId);
            return;
        }

        if (IsUnknownOrEnded)
        {
            return;
        }

        if (Record.AgentId != agentId || Record.State != ContactState.Offered)
        {
            returnedBeforeHeard.Add((agentId, offeredAt));
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

    public async Task<ContactView?> Watch(IChangeObserver watcher)
    {
        changes.Watch(watcher);
        return Record.Ticket is null ? null : await ViewAsync();
    }

    public Task Unwatch(IChangeObserver watcher)
    {
        changes.Unwatch(watcher);
        return Task.CompletedTask;
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
        return grains.Get<ICustomerGrain>(ticket.CustomerId).ContactEnded(
            new CustomerContactRecord(ContactId, ticket.Channel, ticket.QueueId, Record.AgentId, Record.State, wait, handle, endedAt, ticket.IvrPath));
    }

    // The customer alone knows its other open contacts: asked each time, so no contact keeps a copy to patch. The
    // record is read before the call, as one version, since agents' notices interleave with it.
    private async Task<ContactView> ViewAsync()
    {
        var view = new ContactView(
            Record.Ticket!,
            Record.State,
            Record.AgentId,
            Record.Reason,
            Record.AnsweredAt,
            Record.EndedAt,
            [],
            Record.Version,
            Record.Feedback,
            Record.Transfers);
        var customer = await CustomerOf(view.Ticket).Context(ContactId);
        return view with { OtherContactsInProgress = customer.OtherContactsInProgress, OtherContactsOpen = customer.OtherContactsOpen };
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} ended {Outcome}: {Reason}")]
    private static partial void LogContactEnded(ILogger logger, string contactId, ContactState outcome, string reason);
}
