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
        var oldest = line.LongestWaitingSince is { } since ? now - since : TimeSpan.Zero;
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
            statistics.State.OffersMade,
            statistics.State.Answered,
            statistics.State.Abandoned,
            AverageHandleTime,
            statistics.State.Satisfaction.AverageCsat,
            statistics.State.Satisfaction.CsatResponses,
            statistics.State.Satisfaction.NetPromoterScore,
            statistics.State.Statistics.Window(now, statisticsClock),
            statistics.State.Statistics.SinceMidnight(now, statisticsClock),
            Definition.ServiceLevelTarget,
            Definition.ServiceLevelPercent));
    }

    private static AgentActivity ActivityOf(QueueMember member) => AgentActivityRules.Of(member.Presence, member.Held.Count, member.HeldInWrapUp);

    public Task FeedbackReceived(CustomerFeedback feedback)
    {
        statistics.State.Satisfaction.Add(feedback);
        if (feedback.Csat is { } csat)
        {
            statistics.State.Statistics.Rated(clock.GetUtcNow(), statisticsClock, csat);
        }

        statistics.Changed();
        version++;
        changes.Notify();
        return Task.CompletedTask;
    }

    public Task Handled(string contactId, Channel channel, TimeSpan handleTime, TimeSpan wrapUp)
    {
        statistics.State.Handled++;
        statistics.State.HandleSecondsTotal += handleTime.TotalSeconds;
        LearnerFor(channel).Completed(clock.GetUtcNow(), wrapUp, options.Value.Learning);
        statistics.State.Statistics.Handled(clock.GetUtcNow(), statisticsClock, handleTime);
        statistics.Changed();
        version++;
        changes.Notify();
        return Task.CompletedTask;
    }
}
