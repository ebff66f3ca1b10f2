namespace Routing.Core;

/// <summary>
/// The estimators' formulas for a contact that must wait (no agent free for it). Queue-length-based estimators are
/// the state of the art for Markovian queues: they use the most information (place in line, service capacity,
/// abandonment); head-of-line and last-to-enter-service use one observed delay; the moving average is the baseline.
/// </summary>
public static class WaitEstimators
{
    /// <returns>The expected wait, or null when the estimator has nothing to go on (no capacity, no history).</returns>
    public static TimeSpan? Estimate(WaitEstimatorKind kind, WaitSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return kind switch
        {
            WaitEstimatorKind.QueueLength => QueueLength(situation.Ahead, situation.ServiceRate),
            WaitEstimatorKind.QueueLengthWithAbandonment => QueueLengthWithAbandonment(situation.Ahead, situation.ServiceRate, situation.AbandonmentRate),
            WaitEstimatorKind.HeadOfLine => situation.HeadOfLineWait ?? TimeSpan.Zero,
            WaitEstimatorKind.LastToEnterService => situation.LastToEnterServiceWait,
            WaitEstimatorKind.MovingAverage => situation.RecentAverageWait,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown estimator"),
        };
    }

    /// <summary>(n + 1) / (s·mu): n + 1 answers are needed before this contact's turn.</summary>
    public static TimeSpan? QueueLength(int ahead, double serviceRate) =>
        serviceRate > 0 ? TimeSpan.FromSeconds((ahead + 1) / serviceRate) : null;

    /// <summary>
    /// Sum over i = 0..n of 1 / (s·mu + i·theta): while i contacts are ahead, the line moves by an answer (rate s·mu)
    /// or by one of them giving up (rate i·theta), whichever comes first.
    /// </summary>
    public static TimeSpan? QueueLengthWithAbandonment(int ahead, double serviceRate, double abandonmentRate)
    {
        if (serviceRate <= 0)
        {
            return null;
        }

        var seconds = 0.0;
        for (var i = 0; i <= ahead; i++)
        {
            seconds += 1 / (serviceRate + (i * Math.Max(0, abandonmentRate)));
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
