using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>What the router predicted for an arriving contact that must wait.</summary>
/// <param name="Predictions">Every Routing.Core estimator's prediction, kept with the contact for the selector to learn from.</param>
/// <param name="Chosen">The prediction of the estimator the selector trusts now: what the router tells the caller.</param>
public sealed record RouterEstimate(IReadOnlyDictionary<WaitEstimatorKind, TimeSpan?> Predictions, TimeSpan? Chosen)
{
    /// <summary>One estimator's prediction in seconds; no prediction counts as 0, as the selector scores it.</summary>
    public double Seconds(WaitEstimatorKind kind) => (Predictions.GetValueOrDefault(kind) ?? TimeSpan.Zero).TotalSeconds;

    public double ChosenSeconds => (Chosen ?? TimeSpan.Zero).TotalSeconds;
}
