using System.Globalization;

namespace Routing.Grains;

/// <summary>
/// A queue: the authority on waiting order. It keeps a view of the agents that serve it (pushed by them), ranks
/// them for arriving contacts, answers agents' pulls, and never awaits another grain on the routing path.
/// </summary>
public sealed partial class QueueGrain(
    [PersistentState("queue", StorageNames.Routing)] IPersistentState<QueueState> state,
    IGrainContext context,
    TimeProvider clock,
    IOptions<RoutingGrainOptions> options,
    ILogger<QueueGrain> logger) : Grain, IQueueGrain
{
    private readonly ChangeWatchers changes = new(context, options.Value.WatchLease, clock, logger);
    private readonly Dictionary<string, (QueueMember Member, long Version)> members = new(StringComparer.Ordinal);

    private readonly RecentOutcomes<string> answeredBy = new(options.Value.RecentOutcomesRemembered);
    private readonly StatisticsClock statisticsClock = options.Value.StatisticsClock;

    // Contacts proposed to an agent that has not claimed them yet: agent and lease end. Advisory, never persisted.
    private readonly Dictionary<string, (string AgentId, DateTimeOffset Until)> proposals = new(StringComparer.Ordinal);
    // Replaced by the configured line on activation or Configure; an unconfigured queue refuses every contact.
    private WaitingList line = new(new AgingPolicy(TimeSpan.MaxValue));
    private IGrainTimer? relaxationTimer;
    private long version;

    private string QueueId => this.GetPrimaryKeyString();

    private QueueDefinition? Definition => state.State.Definition;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Definition is not null)
        {
            RebuildLine();
            foreach (var agentId in state.State.MemberIds)
            {
                GrainFactory.GetGrain<IAgentGrain>(agentId).ReportTo(QueueId).Ignore();
            }

            ArmRelaxationTimer();
        }

        return Task.CompletedTask;
    }

    public async Task<Reply> Configure(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
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

            if (await GrainFactory.GetGrain<IQueueGrain>(definition.OverflowQueueId).GetDefinition() is null)
            {
                return Reply.Fail(ReplyStatus.NotFound, $"overflow queue '{definition.OverflowQueueId}' does not exist");
            }
        }

        var isNew = Definition is null;
        state.State.Definition = definition;

        RebuildLine();
        await SaveAsync();
        if (isNew)
        {
            await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Add(CatalogKind.Queue, QueueId);
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

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Remove(CatalogKind.Queue, QueueId);
        await state.ClearOrDeactivateAsync(this);
        return Reply.Ok;
    }

    public Task<QueueDefinition?> GetDefinition() => Task.FromResult(Definition);

    public async Task<EnqueueResult> Enqueue(ContactTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (Definition is null)
        {
            return Refused(ReplyStatus.NotFound, $"queue '{QueueId}' does not exist");
        }

        var now = clock.GetUtcNow();
        IReadOnlyList<RankedAgent>? ranked = null;
        if (line.Get(ticket.ContactId) is null)
        {
            // The limit is on callers holding the line; callbacks keep their places without holding it.
            var onTheLine = state.State.Contacts.Count(c => c.OfferedTo is null && !c.Ticket.IsCallback);
            if (Admission.Refusal(QueueId, Definition.Channels, ticket.Channel, ticket.IsCallback, onTheLine, Definition.MaxWaiting) is { } refusal)
            {
                if (refusal.LineFull)
                {
                    // Counted in memory: a turned-away caller changes no other state worth a write.
                    state.State.Statistics.TurnedAway(now, statisticsClock);
                    version++;
                    changes.Notify();
                }

                return Refused(Reply.ToStatus(refusal.Violation), refusal.Message);
            }

            if (ticket.PreferredAgentId is { } preferred
                && !PreferredAgentRules.WorthWaitingFor(members.TryGetValue(preferred, out var member) ? member.Member.Presence : null))
            {
                ticket = ticket with { PreferredAgentId = null, PreferredUntil = null };
            }

            var queued = new QueuedContact(ticket, state.State.NextSequence++, null);
            line.Add(ToWaiting(queued));

            // With no agent free it joins the line: every estimator predicts its wait now, to be scored when answered.
            ranked = RankFreeAgents(line.Get(ticket.ContactId)!, now);
            if (ranked.Count == 0)
            {
                var situation = Situation(line.PositionOf(ticket.ContactId) ?? 1, ticket.Channel, ticket.RequiredSkills, now);
                queued = queued with { Predictions = situation is null ? null : EstimatorSelector.PredictAll(situation) };
                if (queued.Predictions is not null)
                {
                    LearnerFor(ticket.Channel).Joined(now, options.Value.Learning);
                }
            }

            state.State.Contacts.Add(queued);
            state.State.Statistics.Arrived(now, statisticsClock);
            if (ticket.IsCallback)
            {
                state.State.Statistics.CallbackScheduled(now, statisticsClock);
            }

            await SaveAsync();
            ArmRelaxationTimer();
            LogContactQueued(logger, ticket.ContactId, QueueId, line.WaitingCount);
        }

        // A new arrival was ranked before its write (no other call runs meanwhile); a retried one is ranked now.
        ranked ??= RankFreeAgents(line.Get(ticket.ContactId)!, now);
        return new EnqueueResult(
            Reply.Ok,
            line.PositionOf(ticket.ContactId) ?? 0,
            [.. ranked.Select(r => r.AgentId)],
            [.. ranked.Select(r => r.Reason)],
            TicketOf(ticket.ContactId));
    }

    public Task<QueuePick?> PeekBest(AgentWorkView agent, int queuePriority)
    {
        ArgumentNullException.ThrowIfNull(agent);
        // Only agents serving this queue ask (their definition names it); membership reports may still be in flight.
        if (Definition is null)
        {
            return Task.FromResult<QueuePick?>(null);
        }

        var now = clock.GetUtcNow();
        var best = line.BestFor(agent, Definition.Relaxation, now, c =>
            proposals.TryGetValue(c.ContactId, out var proposal) && proposal.AgentId != agent.AgentId && proposal.Until > now);
        if (best is null)
        {
            return Task.FromResult<QueuePick?>(null);
        }

        proposals[best.ContactId] = (agent.AgentId, now + options.Value.ProposalLease);

        var pick = new ContactPick(QueueId, best.ContactId, best.Channel, queuePriority, line.EffectivePriority(best, now), best.EnqueuedAt);
        return Task.FromResult<QueuePick?>(new QueuePick(pick, TicketOf(best.ContactId), Definition.OfferTimeout));
    }

    public async Task<ClaimResult?> Claim(string contactId, string agentId)
    {
        var index = state.State.Contacts.FindIndex(c => c.Ticket.ContactId == contactId);
        if (Definition is null || index < 0)
        {
            return null;
        }

        var queued = state.State.Contacts[index];
        proposals.Remove(contactId);
        if (queued.OfferedTo != agentId)
        {
            if (!line.TryOffer(contactId, agentId))
            {
                return null;
            }

            state.State.Contacts[index] = queued with { OfferedTo = agentId };
            state.State.LastOfferedAgentId = agentId;
            state.State.OffersMade++;
            await SaveAsync();
        }

        var now = clock.GetUtcNow();
        var waited = now - queued.Ticket.ArrivedAt;
        var reason = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"agent {agentId} took the best contact it can serve across its queues: effective priority {line.EffectivePriority(line.Get(contactId)!, now):0.#} after waiting {waited.TotalSeconds:0}s in '{QueueId}'");
        return new ClaimResult(queued.Ticket, Definition.OfferTimeout, reason);
    }

    public async Task<Reply> ScheduleCallback(string contactId, string callbackNumber)
    {
        var index = state.State.Contacts.FindIndex(c => c.Ticket.ContactId == contactId);
        if (index < 0)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"contact '{contactId}' is not waiting in queue '{QueueId}'");
        }

        var queued = state.State.Contacts[index];
        if (queued.OfferedTo is { } agentId)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"contact '{contactId}' is being offered to agent '{agentId}': too late for a callback");
        }

        if (queued.Ticket.CallbackNumber != callbackNumber)
        {
            if (!queued.Ticket.IsCallback)
            {
                state.State.Statistics.CallbackScheduled(clock.GetUtcNow(), statisticsClock);
            }

            state.State.Contacts[index] = queued with { Ticket = queued.Ticket with { CallbackNumber = callbackNumber } };
            await SaveAsync();
        }

        return Reply.Ok;
    }

    public Task ReleaseProposal(string contactId, string agentId)
    {
        if (proposals.TryGetValue(contactId, out var proposal) && proposal.AgentId == agentId)
        {
            proposals.Remove(contactId);
            if (line.Get(contactId) is { IsOffered: false } contact)
            {
                NudgeFreeAgents(contact, clock.GetUtcNow(), exceptAgentId: agentId);
            }
        }

        return Task.CompletedTask;
    }

    public async Task Return(string contactId, string agentId)
    {
        if (!line.Return(contactId, agentId))
        {
            return;
        }

        var index = state.State.Contacts.FindIndex(c => c.Ticket.ContactId == contactId);
        state.State.Contacts[index] = state.State.Contacts[index] with { OfferedTo = null };
        await SaveAsync();
        NudgeFreeAgents(line.Get(contactId)!, clock.GetUtcNow(), exceptAgentId: agentId);
    }

    public async Task<bool> Connected(string contactId, string agentId)
    {
        var contact = line.Get(contactId);
        if (contact is null || contact.OfferedTo != agentId)
        {
            // Gone: the customer left (or this is a repeat after the line already let it go).
            return false;
        }

        line.Remove(contactId);
        proposals.Remove(contactId);
        var queued = state.State.Contacts.Find(c => c.Ticket.ContactId == contactId)!;
        var now = clock.GetUtcNow();
        LearnFromDeparture(queued, answered: true, now);
        state.State.Statistics.Answered(now, statisticsClock, now - queued.Ticket.ArrivedAt, Definition!.ServiceLevelTarget, firstResponse: queued.Ticket.Channel != Channel.Voice);
        state.State.Contacts.Remove(queued);
        state.State.Answered++;
        await SaveAsync();
        answeredBy.Remember(contactId, agentId);
        return true;
    }

    public async Task<Reply<string?>> Abandon(string contactId)
    {
        var removed = line.Remove(contactId);
        proposals.Remove(contactId);
        if (removed is null)
        {
            // Answered a moment ago: say by whom, so the hang-up reaches that agent.
            return new Reply<string?>(ReplyStatus.FailedPrecondition, $"contact '{contactId}' is not in queue '{QueueId}'", answeredBy.GetValueOrDefault(contactId));
        }

        var queued = state.State.Contacts.Find(c => c.Ticket.ContactId == contactId)!;
        var now = clock.GetUtcNow();
        LearnFromDeparture(queued, answered: false, now);
        state.State.Statistics.Abandoned(now, statisticsClock);
        state.State.Contacts.Remove(queued);
        state.State.Abandoned++;
        await SaveAsync();
        LogContactAbandoned(logger, contactId, QueueId);
        return Reply.Success(removed.OfferedTo);
    }

    public Task<ContactQueueStatus> GetContactStatus(string contactId)
    {
        var contact = line.Get(contactId);
        if (Definition is null || contact is null)
        {
            return Task.FromResult(new ContactQueueStatus(false, null, null, null, "not in the queue"));
        }

        if (contact.IsOffered)
        {
            return Task.FromResult(new ContactQueueStatus(true, null, TimeSpan.Zero, contact.OfferedTo, $"offered to agent {contact.OfferedTo}"));
        }

        var now = clock.GetUtcNow();
        var position = line.PositionOf(contactId);
        var requirements = WaitingList.RequirementsAt(contact, Definition.Relaxation, now);
        var explanation = WaitExplainer.Explain([.. members.Values.Select(m => m.Member)], contact.Channel, requirements, position);
        if (contact.IsReservedAt(now))
        {
            explanation = string.Create(
                CultureInfo.InvariantCulture,
                $"held for its preferred agent {contact.ReservedFor} until {contact.ReservedUntil:HH:mm:ss} UTC, then open to every agent; {explanation}");
        }

        return Task.FromResult(new ContactQueueStatus(true, position, Estimate(position ?? 1, contact.Channel, requirements), null, explanation));
    }

    public Task<QueueStats?> GetStats()
    {
        if (Definition is null)
        {
            return Task.FromResult<QueueStats?>(null);
        }

        var now = clock.GetUtcNow();
        var agents = members.Values.Select(m => m.Member).ToList();
        var loggedIn = agents.Where(a => a.Presence != AgentPresence.LoggedOut).ToList();
        var oldest = line.Waiting.Select(c => now - c.EnqueuedAt).DefaultIfEmpty(TimeSpan.Zero).Max();
        return Task.FromResult<QueueStats?>(new QueueStats(
            QueueId,
            Definition.Name,
            line.WaitingCount,
            line.Count - line.WaitingCount,
            oldest,
            BestEstimateForNewContact(),
            loggedIn.Count,
            loggedIn.Count(a => ActivityOf(a) == AgentActivity.Idle),
            loggedIn.Count(a => ActivityOf(a) == AgentActivity.Busy),
            loggedIn.Count(a => ActivityOf(a) == AgentActivity.NotReady),
            loggedIn.Count(a => ActivityOf(a) == AgentActivity.WrapUp),
            state.State.OffersMade,
            state.State.Answered,
            state.State.Abandoned,
            AverageHandleTime,
            state.State.Satisfaction.AverageCsat,
            state.State.Satisfaction.CsatResponses,
            state.State.Satisfaction.NetPromoterScore,
            state.State.Statistics.Window(now, statisticsClock),
            state.State.Statistics.SinceMidnight(now, statisticsClock),
            Definition.ServiceLevelTarget,
            Definition.ServiceLevelPercent));
    }

    private static AgentActivity ActivityOf(QueueMember member) => AgentActivityRules.Of(member.Presence, member.Held.Count, member.HeldInWrapUp);

    public async Task MemberChanged(QueueMember member, long memberVersion)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (members.TryGetValue(member.AgentId, out var known) && known.Version > memberVersion)
        {
            return;
        }

        members[member.AgentId] = (member, memberVersion);
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
            GrainFactory.GetGrain<IAgentGrain>(member.AgentId).WorkAvailable(QueueId).Ignore();
        }
    }

    public async Task MemberLeft(string agentId)
    {
        members.Remove(agentId);
        if (state.State.MemberIds.Remove(agentId))
        {
            await SaveAsync();
        }
    }

    public async Task FeedbackReceived(CustomerFeedback feedback)
    {
        state.State.Satisfaction.Add(feedback);
        if (feedback.Csat is { } csat)
        {
            state.State.Statistics.Rated(clock.GetUtcNow(), statisticsClock, csat);
        }

        await SaveAsync();
    }

    public Task Handled(string contactId, Channel channel, TimeSpan handleTime)
    {
        // Kept in memory and written with the next state change: a sample lost in a crash only nudges an average.
        state.State.Handled++;
        state.State.HandleSecondsTotal += handleTime.TotalSeconds;
        LearnerFor(channel).Completed(clock.GetUtcNow(), handleTime, options.Value.Learning);
        state.State.Statistics.Handled(clock.GetUtcNow(), statisticsClock, handleTime);
        version++;
        changes.Notify();
        return Task.CompletedTask;
    }

    public Task<Reply<NewContactEstimate>> EstimateForNewContact(Channel? channel)
    {
        if (Definition is null)
        {
            return Task.FromResult(Reply.Failure<NewContactEstimate>(ReplyStatus.NotFound, $"queue '{QueueId}' does not exist"));
        }

        if (channel is { } asked && !Definition.Channels.Contains(asked))
        {
            return Task.FromResult(Reply.Failure<NewContactEstimate>(ReplyStatus.InvalidArgument, $"queue '{QueueId}' does not take {asked.ToString().ToLowerInvariant()}"));
        }

        var best = (channel is { } one ? [one] : Definition.Channels)
            .Select(NewContactEstimateFor)
            .OrderBy(e => e.Wait ?? TimeSpan.MaxValue)
            .First();
        return Task.FromResult(Reply.Success(best));
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

    /// <summary>The expected wait at <paramref name="place"/> by the estimator that has been most accurate here lately.</summary>
    private TimeSpan? Estimate(int place, Channel channel, IReadOnlyList<SkillRequirement> requirements) =>
        Outlook(channel, clock.GetUtcNow()).ExpectedWait(place, channel, requirements, HeadOfLineWait(channel, clock.GetUtcNow()), SelectorFor(channel));

    private WaitSituation? Situation(int place, Channel channel, IReadOnlyList<SkillRequirement> requirements, DateTimeOffset now) =>
        Outlook(channel, now).Situation(place, channel, requirements, HeadOfLineWait(channel, now));

    private WaitOutlook Outlook(Channel channel, DateTimeOffset now) =>
        new([.. members.Values.Select(m => m.Member)], LearnerFor(channel), Definition!.DefaultHandleTime, options.Value.Learning, now);

    private TimeSpan? HeadOfLineWait(Channel channel, DateTimeOffset now) =>
        line.Waiting.FirstOrDefault(c => c.Channel == channel) is { } head ? now - head.EnqueuedAt : null;

    private LineWaitLearner LearnerFor(Channel channel) =>
        state.State.Learners.TryGetValue(channel, out var learner) ? learner : state.State.Learners[channel] = new LineWaitLearner();

    private EstimatorSelector SelectorFor(Channel channel) =>
        state.State.Selectors.TryGetValue(channel, out var selector) ? selector : state.State.Selectors[channel] = new EstimatorSelector();

    /// <summary>A contact that joined the line leaves it: the learner counts it, and the estimators are scored on it.</summary>
    private void LearnFromDeparture(QueuedContact queued, bool answered, DateTimeOffset now)
    {
        if (queued.Predictions is not { } predictions)
        {
            return;
        }

        var waited = now - queued.Ticket.ArrivedAt;
        var learner = LearnerFor(queued.Ticket.Channel);
        if (answered)
        {
            learner.Answered(now, waited, options.Value.Learning);
            SelectorFor(queued.Ticket.Channel).Learn(predictions, waited);
        }
        else
        {
            learner.Abandoned(now, waited, options.Value.Learning);
        }
    }

    /// <summary>Observed average, or the configured prior until the first contact is handled.</summary>
    private TimeSpan AverageHandleTime => state.State.Handled > 0
        ? TimeSpan.FromSeconds(state.State.HandleSecondsTotal / state.State.Handled)
        : Definition!.DefaultHandleTime;

    /// <summary>The shortest expected wait over the queue's channels: what a new arrival on its best channel faces.</summary>
    private TimeSpan? BestEstimateForNewContact() =>
        Definition!.Channels
            .Select(c => NewContactEstimateFor(c).Wait)
            .Where(e => e is not null)
            .DefaultIfEmpty(null)
            .Min();

    private NewContactEstimate NewContactEstimateFor(Channel channel)
    {
        var now = clock.GetUtcNow();
        var place = line.WaitingCount + 1;
        var target = Definition!.ServiceLevelTarget;
        if (place == 1 && Outlook(channel, now).AgentFreeFor(channel, Definition.DefaultSkills))
        {
            return new NewContactEstimate(TimeSpan.Zero, 1, target);
        }

        var situation = Situation(place, channel, Definition.DefaultSkills, now);
        return situation is null
            ? new NewContactEstimate(null, 0, target)
            : new NewContactEstimate(
                SelectorFor(channel).Estimate(situation),
                WaitDistribution.ProbabilityWithin(situation.Ahead, situation.ServiceRate, situation.AbandonmentRate, target),
                target);
    }

    private IReadOnlyList<RankedAgent> RankFreeAgents(WaitingContact contact, DateTimeOffset now)
    {
        var requirements = WaitingList.RequirementsAt(contact, Definition!.Relaxation, now);
        var free = AgentSelector.FreeEligible(members.Values.Select(m => m.Member).Where(m => contact.IsOpenTo(m.AgentId, now)), contact.Channel, requirements);
        return AgentSelector.Rank(Definition.Strategy, free, requirements, state.State.LastOfferedAgentId);
    }

    private void NudgeFreeAgents(WaitingContact contact, DateTimeOffset now, string? exceptAgentId)
    {
        foreach (var agent in RankFreeAgents(contact, now).Where(a => a.AgentId != exceptAgentId).Take(options.Value.AgentsNudged))
        {
            GrainFactory.GetGrain<IAgentGrain>(agent.AgentId).WorkAvailable(QueueId).Ignore();
        }
    }

    /// <summary>
    /// Wakes at the next relaxation step or lapsing preferred-agent reservation of any waiting contact, when new
    /// agents may become eligible.
    /// </summary>
    /// <param name="asOf">The time the caller judged the line at: a timer firing a hair early must re-arm for what it
    /// found not yet due, rather than read a later clock that says it is past and arm nothing.</param>
    private void ArmRelaxationTimer(DateTimeOffset? asOf = null)
    {
        relaxationTimer?.Dispose();
        relaxationTimer = null;
        if (Definition is null)
        {
            return;
        }

        // Reservations for preferred agents lapsing open contacts to more agents, as relaxation steps do.
        var now = asOf ?? clock.GetUtcNow();
        var next = line.Waiting
            .Select(c => SkillRelaxation.NextStepAfter(Definition.Relaxation, now - c.EnqueuedAt) is { } step ? c.EnqueuedAt + step : (DateTimeOffset?)null)
            .Concat(line.Waiting.Where(c => c.IsReservedAt(now)).Select(c => c.ReservedUntil))
            .Where(t => t is not null)
            .DefaultIfEmpty()
            .Min();
        if (next is null)
        {
            return;
        }

        var due = next.Value - now;
        relaxationTimer = this.RegisterGrainTimer(OnRelaxationStepAsync, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    private Task OnRelaxationStepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var contact in line.Waiting.ToList())
        {
            NudgeFreeAgents(contact, now, exceptAgentId: null);
        }

        version++;
        changes.Notify();
        ArmRelaxationTimer(now);
        return Task.CompletedTask;
    }

    private void RebuildLine()
    {
        line = new WaitingList(new AgingPolicy(Definition!.StarvationBound), state.State.Contacts.Select(ToWaiting));
    }

    private ContactTicket TicketOf(string contactId) =>
        state.State.Contacts.First(c => c.Ticket.ContactId == contactId).Ticket;

    private static WaitingContact ToWaiting(QueuedContact queued) => new(
        queued.Ticket.ContactId,
        queued.Ticket.Channel,
        queued.Ticket.Priority,
        queued.Ticket.RequiredSkills,
        queued.Ticket.ArrivedAt,
        queued.Sequence,
        queued.OfferedTo,
        queued.Ticket.PreferredAgentId,
        queued.Ticket.PreferredUntil);

    private static EnqueueResult Refused(ReplyStatus status, string message) => new(Reply.Fail(status, message), 0, [], [], null);

    private async Task SaveAsync()
    {
        await state.WriteOrDeactivateAsync(this);
        version++;
        changes.Notify();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {QueueId} configured with strategy {Strategy}")]
    private static partial void LogQueueConfigured(ILogger logger, string queueId, AgentSelectionStrategy strategy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} queued in {QueueId}; {Waiting} waiting")]
    private static partial void LogContactQueued(ILogger logger, string contactId, string queueId, int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} abandoned queue {QueueId}")]
    private static partial void LogContactAbandoned(ILogger logger, string contactId, string queueId);
}
