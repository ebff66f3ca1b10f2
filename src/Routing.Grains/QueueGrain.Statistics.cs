namespace Routing.Grains;

/// <summary>What supervisors see of the queue: its live numbers, and the handling and feedback that feed them.</summary>
public sealed partial class QueueGrain
{
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
}
