namespace Routing.Core;

/// <summary>
/// Picks, per line, the estimator that has been most accurate there lately: every waiting contact carries each
/// estimator's prediction from when it joined, and when it is answered each estimator's squared error is folded
/// into a decaying mean. Why choose rather than fix one: queue-length-based estimators are optimal when the line
/// behaves like M/M/s(+M) with a known answer rate, which the learner supplies; when it does not (bursty handle
/// times, agents pulled away, outages) a delay-based estimator can be more accurate, and the measured error says so.
/// Until enough answers were seen, the state of the art (queue length with abandonment) is used.
/// </summary>
public sealed class EstimatorSelector
{
    /// <summary>Answers needed before measured errors overrule the default choice.</summary>
    public const int MinAnswers = 30;

    /// <summary>Weight of the newest error in the decaying mean: about the last 200 answers count.</summary>
    public const double ErrorWeight = 1.0 / 200;

    public const WaitEstimatorKind DefaultKind = WaitEstimatorKind.QueueLengthWithAbandonment;

    public Dictionary<WaitEstimatorKind, double> MeanSquaredError { get; set; } = [];

    public long Answers { get; set; }

    /// <summary>Every estimator's prediction for the situation (null where it has nothing to go on).</summary>
    public static Dictionary<WaitEstimatorKind, TimeSpan?> PredictAll(WaitSituation situation) =>
        Enum.GetValues<WaitEstimatorKind>().ToDictionary(kind => kind, kind => WaitEstimators.Estimate(kind, situation));

    /// <summary>The estimator to trust for this line now.</summary>
    public WaitEstimatorKind Choice =>
        Answers < MinAnswers || MeanSquaredError.Count == 0
            ? DefaultKind
            : MeanSquaredError.MinBy(e => e.Value).Key;

    /// <summary>The chosen estimator's prediction, falling back to the default when the chosen one has none.</summary>
    public TimeSpan? Estimate(WaitSituation situation) =>
        WaitEstimators.Estimate(Choice, situation) ?? WaitEstimators.Estimate(DefaultKind, situation);

    /// <summary>A contact that joined with these predictions was answered after <paramref name="actual"/>.</summary>
    public void Learn(IReadOnlyDictionary<WaitEstimatorKind, TimeSpan?> predictions, TimeSpan actual)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Answers++;
        foreach (var (kind, predicted) in predictions)
        {
            // No prediction counts as predicting zero: an estimator that cannot answer should not win by silence.
            var error = (predicted ?? TimeSpan.Zero).TotalSeconds - actual.TotalSeconds;
            MeanSquaredError[kind] = MeanSquaredError.TryGetValue(kind, out var mean)
                ? mean + (ErrorWeight * ((error * error) - mean))
                : error * error;
        }
    }
}
