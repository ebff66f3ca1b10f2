using System.Globalization;

namespace Routing.Grains;

/// <summary>Wait estimates: for a contact in line and for a new one, learned from the contacts that left the line.</summary>
public sealed partial class QueueGrain
{
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

        // The place shown is in the whole line; the estimate counts the contacts of its channel ahead, those its
        // channel's service rate really works through before it.
        var estimate = Estimate(line.ChannelPositionOf(contactId) ?? 1, contact.Channel, requirements);
        return Task.FromResult(new ContactQueueStatus(true, position, estimate, null, explanation));
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

    /// <summary>The expected wait at <paramref name="place"/> by the estimator that has been most accurate here lately.</summary>
    private TimeSpan? Estimate(int place, Channel channel, IReadOnlyList<SkillRequirement> requirements) =>
        Outlook(channel, clock.GetUtcNow()).ExpectedWait(place, channel, requirements, HeadOfLineWait(channel, clock.GetUtcNow()), SelectorFor(channel));

    private WaitSituation? Situation(int place, Channel channel, IReadOnlyList<SkillRequirement> requirements, DateTimeOffset now) =>
        Outlook(channel, now).Situation(place, channel, requirements, HeadOfLineWait(channel, now));

    private WaitOutlook Outlook(Channel channel, DateTimeOffset now) =>
        new([.. members.Values.Select(m => m.Member)], LearnerFor(channel), Definition!.WaitPriors, options.Value.Learning, now);

    /// <summary>
    /// The learners see the staffing: each channel's able capacity for the queue's own skills, after every member
    /// report and configuration change (the answer rate is mu × the dedicated capacity plus the shared one at its share).
    /// </summary>
    private void StaffingChanged(DateTimeOffset now)
    {
        if (Definition is null)
        {
            return;
        }

        var current = members.Values.Select(m => m.Member).ToList();
        foreach (var channel in Definition.Channels)
        {
            var staffing = WaitOutlook.AbleCapacity(current, channel, Definition.DefaultSkills);
            var learner = LearnerFor(channel);
            if (learner.Staffing != staffing)
            {
                learner.StaffingChanged(now, staffing, options.Value.Learning);
                statistics.Changed();
            }
        }
    }

    private TimeSpan? HeadOfLineWait(Channel channel, DateTimeOffset now) =>
        line.Waiting.FirstOrDefault(c => c.Channel == channel) is { } head ? now - head.EnqueuedAt : null;

    private LineWaitLearner LearnerFor(Channel channel) =>
        statistics.State.Learners.TryGetValue(channel, out var learner) ? learner : statistics.State.Learners[channel] = new LineWaitLearner();

    private EstimatorSelector SelectorFor(Channel channel) =>
        statistics.State.Selectors.TryGetValue(channel, out var selector) ? selector : statistics.State.Selectors[channel] = new EstimatorSelector();

    /// <summary>
    /// A contact that joined the line leaves it (answered by <paramref name="agentId"/>, or not): the learner counts
    /// it, and the estimators are scored on it.
    /// </summary>
    private void LearnFromDeparture(QueuedContact queued, string? agentId, DateTimeOffset now)
    {
        if (queued.Predictions is not { } predictions)
        {
            return;
        }

        var waited = now - queued.Ticket.ArrivedAt;
        var learner = LearnerFor(queued.Ticket.Channel);
        if (agentId is not null)
        {
            var bySharedAgent = members.TryGetValue(agentId, out var member) && member.Member.QueuesServed > 1;
            learner.Answered(now, waited, bySharedAgent, options.Value.Learning);
            var selector = SelectorFor(queued.Ticket.Channel);
            if (predictions.TryGetValue(selector.Choice, out var predicted) && predicted is { } said)
            {
                metrics.EstimateScored(QueueId, queued.Ticket.Channel, said, waited);
            }

            selector.Learn(predictions, waited);
        }
        else
        {
            learner.Abandoned(now, waited, options.Value.Learning);
        }
    }

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
        var place = line.WaitingCountOf(channel) + 1;
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
}
