using System.Globalization;

namespace Routing.Grains;

/// <summary>The waiting line: contacts joining it, agents peeking and claiming, offers coming back, contacts leaving.</summary>
public sealed partial class QueueGrain
{
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
            var onTheLine = line.HoldingTheLine;
            if (Admission.Refusal(QueueId, Definition.Channels, ticket.Channel, ticket.IsCallback, onTheLine, Definition.MaxWaiting) is { } refusal)
            {
                if (refusal.LineFull)
                {
                    // Only counted: a turned-away caller changes no contact, so nothing but the statistics (written behind).
                    statistics.State.Statistics.TurnedAway(now, statisticsClock);
                    statistics.Changed();
                    version++;
                    changes.Notify();
                }

                return Refused(Reply.ToStatus(refusal.Violation), refusal.Message);
            }

            ranked = await JoinAsync(ticket, now);
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

    /// <summary>
    /// A new contact joins the line: without its preferred agent if that agent is not here, with every estimator's
    /// prediction if no agent is free, counted, and written. Returns the free agents ranked for it (before its write:
    /// no other call runs meanwhile).
    /// </summary>
    private async Task<IReadOnlyList<RankedAgent>> JoinAsync(ContactTicket ticket, DateTimeOffset now)
    {
        if (ticket.PreferredAgentId is { } preferred
            && !PreferredAgentRules.WorthWaitingFor(members.TryGetValue(preferred, out var member) ? member.Member : null, ticket.Channel, ticket.RequiredSkills))
        {
            ticket = ticket with { PreferredAgentId = null, PreferredUntil = null };
        }

        var queued = new QueuedContact(ticket, nextSequence++, null);
        line.Add(ToWaiting(queued));

        // With no agent free it joins the line: every estimator predicts its wait now, to be scored when answered.
        var ranked = RankFreeAgents(line.Get(ticket.ContactId)!, now);
        if (ranked.Count == 0)
        {
            var situation = Situation(line.ChannelPositionOf(ticket.ContactId) ?? 1, ticket.Channel, ticket.RequiredSkills, now);
            queued = queued with { Predictions = situation is null ? null : EstimatorSelector.PredictAll(situation) };
        }

        await contacts.SetAsync(ticket.ContactId, queued);
        LineChanged();

        // Counted once the line is durable, so a failed write never reaches the statistics written behind it.
        if (queued.Predictions is not null)
        {
            LearnerFor(ticket.Channel).Joined(now, options.Value.Learning);
        }

        statistics.State.Statistics.Arrived(now, statisticsClock);
        if (ticket.IsCallback)
        {
            statistics.State.Statistics.CallbackScheduled(now, statisticsClock);
        }

        statistics.Changed();
        ArmRelaxationTimerFor(line.Get(ticket.ContactId)!, now);
        LogContactQueued(logger, ticket.ContactId, QueueId, line.WaitingCount);
        return ranked;
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
        var queued = contacts.Get(contactId);
        if (Definition is null || queued is null)
        {
            return null;
        }

        proposals.Remove(contactId);
        if (queued.OfferedTo != agentId)
        {
            if (!line.TryOffer(contactId, agentId))
            {
                return null;
            }

            await contacts.SetAsync(contactId, queued with { OfferedTo = agentId });
            LineChanged();
            statistics.State.LastOfferedAgentId = agentId;
            statistics.State.OffersMade++;
            statistics.Changed();
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
        var queued = contacts.Get(contactId);
        if (queued is null)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"contact '{contactId}' is not waiting in queue '{QueueId}'");
        }

        if (queued.OfferedTo is { } agentId)
        {
            return Reply.Fail(ReplyStatus.FailedPrecondition, $"contact '{contactId}' is being offered to agent '{agentId}': too late for a callback");
        }

        if (queued.Ticket.CallbackNumber != callbackNumber)
        {
            await contacts.SetAsync(contactId, queued with { Ticket = queued.Ticket with { CallbackNumber = callbackNumber } });
            line.MarkCallback(contactId);
            LineChanged();
            if (!queued.Ticket.IsCallback)
            {
                statistics.State.Statistics.CallbackScheduled(clock.GetUtcNow(), statisticsClock);
                statistics.Changed();
            }
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

        await contacts.SetAsync(contactId, contacts.Get(contactId)! with { OfferedTo = null });
        LineChanged();
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
        var queued = contacts.Get(contactId)!;
        await contacts.RemoveAsync(contactId);
        LineChanged();
        var now = clock.GetUtcNow();
        LearnFromDeparture(queued, agentId, now);
        LearnerFor(queued.Ticket.Channel).ServiceStarted(now, options.Value.Learning);
        statistics.State.Statistics.Answered(now, statisticsClock, now - queued.Ticket.ArrivedAt, Definition!.ServiceLevelTarget, firstResponse: queued.Ticket.Channel != Channel.Voice);
        statistics.State.Answered++;
        statistics.Changed();
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

        var queued = contacts.Get(contactId)!;
        await contacts.RemoveAsync(contactId);
        LineChanged();
        var now = clock.GetUtcNow();
        LearnFromDeparture(queued, agentId: null, now);
        statistics.State.Statistics.Abandoned(now, statisticsClock);
        statistics.State.Abandoned++;
        statistics.Changed();
        LogContactAbandoned(logger, contactId, QueueId);
        return Reply.Success(removed.OfferedTo);
    }

    private IReadOnlyList<RankedAgent> RankFreeAgents(WaitingContact contact, DateTimeOffset now)
    {
        var requirements = WaitingList.RequirementsAt(contact, Definition!.Relaxation, now);
        var free = AgentSelector.FreeEligible(members.Values.Select(m => m.Member).Where(m => contact.IsOpenTo(m.AgentId, now)), contact.Channel, requirements);
        return AgentSelector.Rank(Definition.Strategy, free, requirements, statistics.State.LastOfferedAgentId);
    }

    private void NudgeFreeAgents(WaitingContact contact, DateTimeOffset now, string? exceptAgentId)
    {
        foreach (var agent in RankFreeAgents(contact, now).Where(a => a.AgentId != exceptAgentId).Take(options.Value.AgentsNudged))
        {
            grains.Get<IAgentGrain>(agent.AgentId).WorkAvailable(QueueId).Ignore();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} queued in {QueueId}; {Waiting} waiting")]
    private static partial void LogContactQueued(ILogger logger, string contactId, string queueId, int waiting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} abandoned queue {QueueId}")]
    private static partial void LogContactAbandoned(ILogger logger, string contactId, string queueId);
}
