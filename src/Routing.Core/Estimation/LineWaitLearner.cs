namespace Routing.Core;

/// <summary>
/// Learns, online and in constant memory, what a line's wait estimates need: the rate at which its agents answer
/// it while it is backlogged (s·mu as this line really gets it: only eligible agents, only their share when they
/// also serve other lines), the abandonment rate theta (abandonments per second of waiting, the maximum-likelihood
/// estimate for exponential patience, counting the waiting time of answered contacts too, as each leaves the line),
/// the mean handle time,
/// and the recent waits the simple estimators use. Every figure fades with <see cref="WaitLearningOptions.HalfLife"/>
/// so the estimates follow staffing and traffic through the day.
/// </summary>
public sealed class LineWaitLearner
{
    public DecayingTally BackloggedSeconds { get; set; } = new();

    public DecayingTally AnswersFromBacklog { get; set; } = new();

    public DecayingTally Abandonments { get; set; } = new();

    public DecayingTally SecondsWaited { get; set; } = new();

    public DecayingTally HandleSeconds { get; set; } = new();

    public DecayingTally Handled { get; set; } = new();

    public int Waiting { get; set; }

    public DateTimeOffset? LastChange { get; set; }

    public TimeSpan? LastToEnterServiceWait { get; set; }

    /// <summary>Waits of recently answered contacts that had to wait, oldest first.</summary>
    public List<double> RecentWaitSeconds { get; set; } = [];

    public double AnswersCounted { get; set; }

    /// <summary>A contact joined the line (it had to wait).</summary>
    public void Joined(DateTimeOffset now, WaitLearningOptions options) => Move(now, +1, options);

    /// <summary>A waiting contact was answered after <paramref name="waited"/>.</summary>
    public void Answered(DateTimeOffset now, TimeSpan waited, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Move(now, -1, options);
        AnswersFromBacklog.Add(1, now, options.HalfLife);
        AnswersCounted++;
        SecondsWaited.Add(waited.TotalSeconds, now, options.HalfLife);
        LastToEnterServiceWait = waited;
        RecentWaitSeconds.Add(waited.TotalSeconds);
        if (RecentWaitSeconds.Count > options.RecentWaits)
        {
            RecentWaitSeconds.RemoveRange(0, RecentWaitSeconds.Count - options.RecentWaits);
        }
    }

    /// <summary>A waiting contact gave up (or was otherwise removed unanswered) after <paramref name="waited"/>.</summary>
    public void Abandoned(DateTimeOffset now, TimeSpan waited, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Move(now, -1, options);
        Abandonments.Add(1, now, options.HalfLife);
        SecondsWaited.Add(waited.TotalSeconds, now, options.HalfLife);
    }

    /// <summary>An answered contact of this line was handled in <paramref name="handleTime"/>.</summary>
    public void Completed(DateTimeOffset now, TimeSpan handleTime, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        HandleSeconds.Add(handleTime.TotalSeconds, now, options.HalfLife);
        Handled.Add(1, now, options.HalfLife);
    }

    /// <summary>Mean handle time observed, starting from <paramref name="prior"/> counted as <see cref="WaitLearningOptions.PriorWeight"/> contacts.</summary>
    public TimeSpan AverageHandleTime(DateTimeOffset now, TimeSpan prior, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handled = Handled.ValueAt(now, options.HalfLife);
        var weight = Math.Max(0, options.PriorWeight);
        return handled + weight > 0
            ? TimeSpan.FromSeconds((HandleSeconds.ValueAt(now, options.HalfLife) + (prior.TotalSeconds * weight)) / (handled + weight))
            : prior;
    }

    /// <summary>
    /// Answers per second while backlogged, once enough was seen; until then <paramref name="servers"/> at the
    /// observed (or prior) handle time.
    /// </summary>
    public double ServiceRate(DateTimeOffset now, double servers, TimeSpan priorHandleTime, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backlogged = BackloggedAt(now, options);
        if (backlogged >= options.MinBacklogged.TotalSeconds && AnswersCounted >= options.MinAnswers)
        {
            return AnswersFromBacklog.ValueAt(now, options.HalfLife) / backlogged;
        }

        var handle = AverageHandleTime(now, priorHandleTime, options).TotalSeconds;
        return handle > 0 ? servers / handle : 0;
    }

    /// <summary>Abandonments per second of waiting (theta); 0 before any waiting was observed.</summary>
    public double AbandonmentRate(DateTimeOffset now, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var waited = SecondsWaited.ValueAt(now, options.HalfLife);
        return waited > 0 ? Abandonments.ValueAt(now, options.HalfLife) / waited : 0;
    }

    public TimeSpan? RecentAverageWait => RecentWaitSeconds.Count == 0 ? null : TimeSpan.FromSeconds(RecentWaitSeconds.Average());

    /// <summary>The situation of a contact with <paramref name="ahead"/> contacts ahead of it, for the estimators.</summary>
    public WaitSituation Situation(DateTimeOffset now, int ahead, TimeSpan? headOfLineWait, double servers, TimeSpan priorHandleTime, WaitLearningOptions options) =>
        new(ahead, ServiceRate(now, servers, priorHandleTime, options), AbandonmentRate(now, options), headOfLineWait, LastToEnterServiceWait, RecentAverageWait);

    private double BackloggedAt(DateTimeOffset now, WaitLearningOptions options) =>
        BackloggedSeconds.ValueAt(now, options.HalfLife) + (Waiting > 0 && LastChange is { } since ? (now - since).TotalSeconds : 0);

    private void Move(DateTimeOffset now, int change, WaitLearningOptions options)
    {
        if (Waiting > 0 && LastChange is { } since && now > since)
        {
            BackloggedSeconds.Add((now - since).TotalSeconds, now, options.HalfLife);
        }

        Waiting = Math.Max(0, Waiting + change);
        LastChange = now;
    }
}
