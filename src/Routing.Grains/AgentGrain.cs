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
    ILogger<AgentGrain> logger,
    GrainReferences grains,
    RoutingMetrics metrics) : Grain, IAgentGrain
{
    private readonly ChangeWatchers<IAgentChangeObserver> changes = new(context, options.Value.DesktopLease, clock, logger);

    // Reservations written ahead of the queue's answer: they hold capacity but are no offer yet, so desktops must not see them.
    private readonly HashSet<string> claiming = new(StringComparer.Ordinal);

    // What happened to contacts this agent let go: a retried reject / complete / end-wrap-up answers the same.
    private readonly RecentOutcomes<AssignmentView> finished = new(options.Value.RecentOutcomesRemembered);
    private AgentWorkload workload = new(CapacityProfile.Of());
    private IGrainTimer? deadlineTimer;

    private string AgentId => this.GetPrimaryKeyString();

    private AgentDefinition? Definition => state.State.Definition;

    // Commands on an agent that was never created (or was removed) answer this rather than being checked first by a call of their own.
    private string NoSuchAgent => $"agent '{AgentId}' does not exist";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Definition is null)
        {
            return;
        }

        if (Definition.FirstOutOfRange() is { } problem)
        {
            // Stored before the edge checked ranges: a wrap-up deadline from it would throw on every completion.
            LogDefinitionClamped(logger, AgentId, problem);
            state.State.Definition = Definition.WithinLimits();
        }

        workload = new AgentWorkload(Definition.Capacity, state.State.Assignments);
        await ReconcileWithQueuesAsync();
        ArmDeadlineTimer();
        PublishToQueues();

        // Work may have arrived while this agent was not active (after a restart): look for it, while its desktop
        // has the grace to open its stream again.
        if (state.State.Presence == AgentPresence.Available)
        {
            AwaitDesktop();
            this.AsReference<IAgentGrain>().WorkAvailable(string.Empty).Ignore();
        }
    }

    public async Task<Reply<AgentView>> Configure(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.FirstOutOfRange() is { } outOfRange)
        {
            return Reply.Failure<AgentView>(ReplyStatus.InvalidArgument, outOfRange);
        }

        foreach (var membership in definition.Queues)
        {
            if (await grains.Get<IQueueGrain>(membership.QueueId).GetDefinition() is null)
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
            await grains.Get<ICatalogGrain>(ICatalogGrain.Key).Add(CatalogKind.Agent, AgentId);
        }

        foreach (var removed in previousQueues.Except(definition.Queues.Select(q => q.QueueId)))
        {
            grains.Get<IQueueGrain>(removed).MemberLeft(AgentId).Ignore();
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
            return Reply.Fail(ReplyStatus.NotFound, NoSuchAgent);
        }

        if (!workload.IsIdle)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' holds {workload.Assignments.Count} contacts; finish them before removing the agent");
        }

        foreach (var membership in Definition.Queues)
        {
            grains.Get<IQueueGrain>(membership.QueueId).MemberLeft(AgentId).Ignore();
        }

        await grains.Get<ICatalogGrain>(ICatalogGrain.Key).Remove(CatalogKind.Agent, AgentId);
        await state.ClearOrDeactivateAsync(this);
        workload = new AgentWorkload(CapacityProfile.Of());
        changes.Notify();
        return Reply.Ok;
    }

    public Task<AgentView?> Get() => Task.FromResult(Definition is null ? null : View());

    public Task<AgentPresenceView?> GetPresence() => Task.FromResult(
        Definition is null ? null : new AgentPresenceView(state.State.Presence, [.. Definition.Queues.Select(q => q.QueueId)]));

    public async Task<Reply<AgentView>> SetPresence(AgentPresence presence, string reason, RequestKey? request = null)
    {
        if (Refusal(request, out var earlier) is { } refused)
        {
            return Reply.Failure<AgentView>(refused);
        }

        // A retry changes nothing again: a status set since then by another request stays.
        return earlier is not null ? Reply.Success(View()) : await CarryingAsync(request, () => SetPresenceAsync(presence, reason));
    }

    private async Task<Reply<AgentView>> SetPresenceAsync(AgentPresence presence, string reason)
    {
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
        if (presence == AgentPresence.Available)
        {
            AwaitDesktop();
        }

        PublishToQueues();
        LogPresenceChanged(logger, AgentId, presence, reason);
        await PullWorkAsync();
        return Reply.Success(View());
    }

    public async Task FeedbackReceived(CustomerFeedback feedback)
    {
        state.State.Satisfaction.Add(feedback);
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        await WriteAsync();
        TellWatchers();
    }

    private async Task WriteAsync()
    {
        state.State.Assignments = [.. workload.Assignments];
        RecordCarriedRequest();
        state.State.Version++;
        await state.WriteOrDeactivateAsync(this);
    }

    /// <summary>Sends the watchers the agent as it now is: an offer stream writes it without reading it again.</summary>
    private void TellWatchers()
    {
        if (changes.Any)
        {
            var view = View();
            changes.Notify(watcher => watcher.AgentChanged(view));
        }
    }

    private void PublishToQueues()
    {
        if (Definition is null)
        {
            return;
        }

        foreach (var membership in Definition.Queues)
        {
            grains.Get<IQueueGrain>(membership.QueueId).MemberChanged(MemberView(membership), state.State.Version).Ignore();
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
        workload.Assignments.Count(a => a.Phase == AssignmentPhase.WrapUp),
        Definition.Queues.Count);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} was stored with {Problem}: using the nearest value in range until it is configured again")]
    private static partial void LogDefinitionClamped(ILogger logger, string agentId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} configured, serving {QueueCount} queues")]
    private static partial void LogAgentConfigured(ILogger logger, string agentId, int queueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} is now {Presence} {Reason}")]
    private static partial void LogPresenceChanged(ILogger logger, string agentId, AgentPresence presence, string reason);
}
