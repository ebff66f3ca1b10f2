using Orleans.Storage;

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

        StatisticsChanged();
        version++;
        changes.Notify();
        return Task.CompletedTask;
    }

    public Task Handled(string contactId, Channel channel, TimeSpan handleTime)
    {
        statistics.State.Handled++;
        statistics.State.HandleSecondsTotal += handleTime.TotalSeconds;
        LearnerFor(channel).Completed(clock.GetUtcNow(), handleTime, options.Value.Learning);
        statistics.State.Statistics.Handled(clock.GetUtcNow(), statisticsClock, handleTime);
        StatisticsChanged();
        version++;
        changes.Notify();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The statistics changed in memory: they are written behind, at most one flush interval later, by a timer that
    /// exists only while there is something to write. Supervisors see the change at once; a crash loses at most
    /// that interval of counts and learning, never a contact.
    /// </summary>
    private void StatisticsChanged()
    {
        statisticsDirty = true;
        statisticsFlushTimer ??= this.RegisterGrainTimer(
            FlushStatisticsAsync,
            new GrainTimerCreationOptions(options.Value.StatisticsFlushInterval, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private async Task FlushStatisticsAsync(CancellationToken cancellationToken)
    {
        statisticsFlushTimer?.Dispose();
        statisticsFlushTimer = null;
        await WriteStatisticsAsync();
    }

    /// <summary>Writes the statistics if they changed; one write at a time, as each carries the version the last returned.</summary>
    private async Task WriteStatisticsAsync()
    {
        await statisticsWrite;
        if (!statisticsDirty)
        {
            return;
        }

        statisticsDirty = false;
        statisticsWrite = WriteStatisticsOnceAsync();
        await statisticsWrite;
    }

    private async Task WriteStatisticsOnceAsync()
    {
        try
        {
            await statistics.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote them: this one's view is stale, and the next activation reads theirs.
            LogStatisticsConflict(logger, ex, QueueId);
            DeactivateOnIdle();
        }
        catch (Exception ex)
        {
            // Still in memory and still counting: tried again one interval later.
            LogStatisticsWriteFailed(logger, ex, QueueId);
            StatisticsChanged();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId} could not write its statistics; they are kept in memory and written again later")]
    private static partial void LogStatisticsWriteFailed(ILogger logger, Exception exception, string queueId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {QueueId} found its statistics written by another activation; this one deactivates")]
    private static partial void LogStatisticsConflict(ILogger logger, Exception exception, string queueId);
}
