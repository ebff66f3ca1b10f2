using Microsoft.Extensions.DependencyInjection;

namespace Routing.Grains;

/// <summary>
/// A queue: the authority on waiting order. It keeps a view of the agents that serve it (pushed by them), ranks
/// them for arriving contacts, answers agents' pulls, and never awaits another grain on the routing path.
/// </summary>
public sealed partial class QueueGrain(
    [PersistentState("queue", StorageNames.Routing)] IPersistentState<QueueState> state,
    [PersistentState("queue-statistics", StorageNames.Routing)] IPersistentState<QueueStatisticsState> statisticsState,
    [FromKeyedServices(StorageNames.Routing)] IGrainEntryStorage entryStorage,
    IGrainContext context,
    TimeProvider clock,
    IOptions<RoutingGrainOptions> options,
    ILogger<QueueGrain> logger,
    GrainReferences grains,
    RoutingMetrics metrics) : Grain, IQueueGrain
{
    /// <summary>The state name of the line's entries: one per waiting contact.</summary>
    public const string LineEntries = "queue-line";

    private readonly ChangeWatchers<IChangeObserver> changes = new(context, options.Value.WatchLease, clock, logger);

    private readonly Dictionary<string, (QueueMember Member, long Version)> members = new(StringComparer.Ordinal);

    private readonly RecentOutcomes<string> answeredBy = new(options.Value.RecentOutcomesRemembered);

    private readonly StatisticsClock statisticsClock = options.Value.StatisticsClock;

    // Contacts proposed to an agent that has not claimed them yet: agent and lease end. Advisory, never persisted.
    private readonly Dictionary<string, (string AgentId, DateTimeOffset Until)> proposals = new(StringComparer.Ordinal);

    // Replaced by the configured line on activation or Configure; an unconfigured queue refuses every contact.
    private WaitingList line = new(new AgingPolicy(TimeSpan.MaxValue));

    // The line as stored: one entry per contact, keyed by contact id, each written alone. Set on activation.
    private DurableEntries<QueuedContact> contacts = null!;

    // Arrival order among the waiting; restarts above the highest stored when the queue activates.
    private long nextSequence;

    // Counts and learning, written behind the line (at most every StatisticsFlushInterval). Set on activation.
    private WriteBehindState<QueueStatisticsState> statistics = null!;

    private long version;

    private string QueueId => this.GetPrimaryKeyString();

    private QueueDefinition? Definition => state.State.Definition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        statistics = new WriteBehindState<QueueStatisticsState>(statisticsState, this, options.Value.StatisticsFlushInterval, logger);
        contacts = new DurableEntries<QueuedContact>(entryStorage, LineEntries, this);
        await contacts.LoadAsync();
        await MoveLegacyLineAsync();
        nextSequence = contacts.Values.Select(c => c.Sequence + 1).DefaultIfEmpty(0).Max();
        if (Definition?.FirstOutOfRange() is { } problem)
        {
            // Stored before the edge checked ranges: a deadline or an aging key from it would throw on every turn.
            LogDefinitionClamped(logger, QueueId, problem);
            state.State.Definition = Definition.WithinLimits();
        }

        if (Definition is not null)
        {
            RebuildLine();
            metrics.Waiting(QueueId, line.WaitingCount);
            foreach (var agentId in state.State.MemberIds)
            {
                grains.Get<IAgentGrain>(agentId).ReportTo(QueueId).Ignore();
            }

            ArmRelaxationTimer();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.QueueLeft(QueueId);
        return statistics.FlushAsync();
    }

    public async Task<Reply> Configure(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.FirstOutOfRange() is { } outOfRange)
        {
            return Reply.Fail(ReplyStatus.InvalidArgument, outOfRange);
        }

        if (definition.WhenFull == QueueFullPolicy.Overflow)
        {
            if (string.IsNullOrEmpty(definition.OverflowQueueId))
            {
                return Reply.Fail(ReplyStatus.InvalidArgument, $"queue '{QueueId}' overflows when full but names no overflow queue");
            }

            if (definition.OverflowQueueId == QueueId)
            {
                return Reply.Fail(ReplyStatus.InvalidArgument, $"queue '{QueueId}' cannot overflow into itself");
            }

            if (await grains.Get<IQueueGrain>(definition.OverflowQueueId).GetDefinition() is null)
            {
                return Reply.Fail(ReplyStatus.NotFound, $"overflow queue '{definition.OverflowQueueId}' does not exist");
            }
        }

        var isNew = Definition is null;
        state.State.Definition = definition;

        RebuildLine();
        await SaveAsync();
        StaffingChanged(clock.GetUtcNow());
        if (isNew)
        {
            await grains.Get<ICatalogGrain>(ICatalogGrain.Key).Add(CatalogKind.Queue, QueueId);
        }

        ArmRelaxationTimer();
        LogQueueConfigured(logger, QueueId, definition.Strategy);
        return Reply.Ok;
    }

    public async Task<Reply> Remove()
    {
        if (Definition is null)
        {
            return Reply.Fail(ReplyStatus.NotFound, $"queue '{QueueId}' does not exist");
        }

        if (line.Count > 0)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"queue '{QueueId}' still holds {line.Count} contacts");
        }

        if (members.Count > 0 || state.State.MemberIds.Count > 0)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"queue '{QueueId}' is still served by {state.State.MemberIds.Count} agents; remove it from their queues first");
        }

        await grains.Get<ICatalogGrain>(ICatalogGrain.Key).Remove(CatalogKind.Queue, QueueId);
        await state.ClearOrDeactivateAsync(this);
        await statistics.ClearAsync();
        return Reply.Ok;
    }

    public Task<QueueDefinition?> GetDefinition() => Task.FromResult(Definition);

    public async Task MemberChanged(QueueMember member, long memberVersion)
    {
        ArgumentNullException.ThrowIfNull(member);
        var isKnown = members.TryGetValue(member.AgentId, out var known);
        if (isKnown && known.Version > memberVersion)
        {
            return;
        }

        members[member.AgentId] = (member, memberVersion);
        if (!isKnown || !known.Member.StaffsLike(member))
        {
            StaffingChanged(clock.GetUtcNow());
        }
        version++;
        changes.Notify();
        if (state.State.MemberIds.Add(member.AgentId))
        {
            await SaveAsync();
        }

        // An agent this queue did not know was free (just activated, or its report overtook a pull) is told there
        // is work it can take, so no contact waits behind a stale view.
        if (Definition is not null && member.Presence == AgentPresence.Available
            && line.BestFor(member.WorkView, Definition.Relaxation, clock.GetUtcNow()) is not null)
        {
            grains.Get<IAgentGrain>(member.AgentId).WorkAvailable(QueueId).Ignore();
        }
    }

    public async Task MemberLeft(string agentId)
    {
        members.Remove(agentId);
        StaffingChanged(clock.GetUtcNow());
        if (state.State.MemberIds.Remove(agentId))
        {
            await SaveAsync();
        }
    }

    public Task<long> Watch(IChangeObserver watcher)
    {
        changes.Watch(watcher);
        return Task.FromResult(version);
    }

    public Task Unwatch(IChangeObserver watcher)
    {
        changes.Unwatch(watcher);
        return Task.CompletedTask;
    }

    /// <summary>Observed average, or the configured prior until the first contact is handled.</summary>
    private TimeSpan AverageHandleTime => statistics.State.Handled > 0
        ? TimeSpan.FromSeconds(statistics.State.HandleSecondsTotal / statistics.State.Handled)
        : Definition!.DefaultHandleTime;

    private void RebuildLine()
    {
        line = new WaitingList(new AgingPolicy(Definition!.StarvationBound), contacts.Values.Select(ToWaiting));
    }

    /// <summary>A queue stored before the line moved to entries keeps its contacts in its state: moved over once.</summary>
    private async Task MoveLegacyLineAsync()
    {
        if (state.State.Contacts is not { Count: > 0 } legacy)
        {
            return;
        }

        foreach (var queued in legacy.Where(q => contacts.Get(q.Ticket.ContactId) is null))
        {
            await contacts.SetAsync(queued.Ticket.ContactId, queued);
        }

        state.State.Contacts = null;
        await state.WriteOrDeactivateAsync(this);
    }

    private ContactTicket TicketOf(string contactId) => contacts.Get(contactId)!.Ticket;

    private static WaitingContact ToWaiting(QueuedContact queued) => new(
        queued.Ticket.ContactId,
        queued.Ticket.Channel,
        queued.Ticket.Priority,
        queued.Ticket.RequiredSkills,
        queued.Ticket.ArrivedAt,
        queued.Sequence,
        queued.OfferedTo,
        queued.Ticket.PreferredAgentId,
        queued.Ticket.PreferredUntil,
        queued.Ticket.IsCallback);

    private static EnqueueResult Refused(ReplyStatus status, string message) => new(Reply.Fail(status, message), 0, [], [], null);

    private async Task SaveAsync()
    {
        await state.WriteOrDeactivateAsync(this);
        version++;
        changes.Notify();
    }

    /// <summary>A contact's entry was written: watchers are told.</summary>
    private void LineChanged()
    {
        version++;
        changes.Notify();
        metrics.Waiting(QueueId, line.WaitingCount);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId} was stored with {Problem}: using the nearest value in range until it is configured again")]
    private static partial void LogDefinitionClamped(ILogger logger, string queueId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {QueueId} configured with strategy {Strategy}")]
    private static partial void LogQueueConfigured(ILogger logger, string queueId, AgentSelectionStrategy strategy);
}
