namespace Routing.Core;

/// <summary>
/// Picks, per line, the estimator to trust. Every waiting contact carries each estimator's prediction from when it
/// joined, and when it is answered each estimator's squared error is folded into a decaying mean.
/// <para>
/// The rule: queue length with abandonment (QL_m) is the choice, because it is optimal when the line behaves like
/// M/M/s+M with the learned rates, and near it otherwise. The selector leaves it only on strong, sustained evidence:
/// another estimator's mean squared error has been at most <see cref="LeaveRatio"/> of QL_m's for
/// <see cref="SustainedAnswers"/> answers in a row (with at least <see cref="MinAnswers"/> seen). It returns to QL_m
/// as soon as the estimator it chose is no longer that much better. Why not simply the lowest error: on a Markovian
/// line the errors of the good estimators are close, and following the noise of their means costs accuracy.
/// </para>
/// </summary>
public sealed class EstimatorSelector
{
    /// <summary>Answers needed before measured errors may overrule the default choice.</summary>
    public const int MinAnswers = 30;

    /// <summary>Weight of the newest error in the decaying mean: about the last 200 answers count.</summary>
    public const double ErrorWeight = 1.0 / 200;

    /// <summary>Another estimator must have at most this share of QL_m's mean squared error (a quarter less) to take over.</summary>
    public const double LeaveRatio = 0.75;

    /// <summary>For this many answers in a row: about the span of the decaying mean, so one burst does not decide.</summary>
    public const int SustainedAnswers = 200;

    public const WaitEstimatorKind DefaultKind = WaitEstimatorKind.QueueLengthWithAbandonment;

    public Dictionary<WaitEstimatorKind, double> MeanSquaredError { get; set; } = [];

    public long Answers { get; set; }

    /// <summary>The estimator to trust for this line now.</summary>
    public WaitEstimatorKind Choice { get; set; } = DefaultKind;

    /// <summary>The estimator that has been strongly better than QL_m, while the choice is still QL_m.</summary>
    public WaitEstimatorKind? Challenger { get; set; }

    /// <summary>Answers in a row the challenger has been strongly better.</summary>
    public int ChallengerAnswers { get; set; }

    /// <summary>Every estimator's prediction for the situation (null where it has nothing to go on).</summary>
    public static Dictionary<WaitEstimatorKind, TimeSpan?> PredictAll(WaitSituation situation) =>
        Enum.GetValues<WaitEstimatorKind>().ToDictionary(kind => kind, kind => WaitEstimators.Estimate(kind, situation));

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

        Choose();
    }

    private void Choose()
    {
        if (Answers < MinAnswers || !MeanSquaredError.TryGetValue(DefaultKind, out var defaultError))
        {
            return;
        }

        if (Choice != DefaultKind)
        {
            if (!StronglyBetter(Choice, defaultError))
            {
                Choice = DefaultKind;
            }

            return;
        }

        var best = MeanSquaredError.Where(e => e.Key != DefaultKind).OrderBy(e => e.Value).Select(e => (WaitEstimatorKind?)e.Key).FirstOrDefault();
        if (best is not { } challenger || !StronglyBetter(challenger, defaultError))
        {
            Challenger = null;
            ChallengerAnswers = 0;
            return;
        }

        ChallengerAnswers = Challenger == challenger ? ChallengerAnswers + 1 : 1;
        Challenger = challenger;
        if (ChallengerAnswers >= SustainedAnswers)
        {
            Choice = challenger;
            Challenger = null;
            ChallengerAnswers = 0;
        }
    }

    private bool StronglyBetter(WaitEstimatorKind kind, double defaultError) =>
        MeanSquaredError.TryGetValue(kind, out var error) && error <= LeaveRatio * defaultError;
}
