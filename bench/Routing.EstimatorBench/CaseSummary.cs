namespace Routing.EstimatorBench;

/// <summary>
/// One case over its seeds: each estimator's RASE as a ratio to the floor's on the same contacts (per seed, then
/// the seeds' mean and spread), and its bias.
/// </summary>
public sealed class CaseSummary
{
    public CaseSummary(Scenario scenario, IReadOnlyList<CaseOutcome> seeds, TimeSpan computeTime)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(seeds);
        Scenario = scenario;
        Seeds = seeds;
        ComputeTime = computeTime;
        FloorEstimator = scenario.Floor == FloorKind.MonteCarlo ? Estimator.MonteCarloFloor : Estimator.Floor;
        foreach (var estimator in Enum.GetValues<Estimator>())
        {
            if (seeds.All(s => s[estimator].Count > 0))
            {
                Ratios[estimator] = SeedSpread.Of([.. seeds.Select(s => Math.Sqrt(s[estimator].MeanSquaredError / s[FloorEstimator].MeanSquaredError))]);
                Biases[estimator] = SeedSpread.Of([.. seeds.Select(s => s[estimator].Bias)]);
            }
        }

        RouterBiasGap = SeedSpread.Of([.. seeds.Select(s => s[Estimator.Router].Bias - s[FloorEstimator].Bias)]);
        FloorRase = SeedSpread.Of([.. seeds.Select(s => s[FloorEstimator].Rase)]);
        if (seeds.All(s => s.CheckAnalytic.Count > 0))
        {
            ReplayCheck = SeedSpread.Of([.. seeds.Select(s => Math.Sqrt(s.CheckMonteCarlo.MeanSquaredError / s.CheckAnalytic.MeanSquaredError))]);
            ReplayCheckBias = SeedSpread.Of([.. seeds.Select(s => s.CheckMonteCarlo.Bias - s.CheckAnalytic.Bias)]);
        }
    }

    public Scenario Scenario { get; }

    public IReadOnlyList<CaseOutcome> Seeds { get; }

    /// <summary>Processor time the case took over all its seeds.</summary>
    public TimeSpan ComputeTime { get; }

    /// <summary>The estimator every ratio is to: the analytic floor, or the Monte-Carlo one.</summary>
    public Estimator FloorEstimator { get; }

    public Dictionary<Estimator, SeedSpread> Ratios { get; } = [];

    public Dictionary<Estimator, SeedSpread> Biases { get; } = [];

    /// <summary>The router's bias minus the floor's, per seed.</summary>
    public SeedSpread RouterBiasGap { get; }

    public SeedSpread FloorRase { get; }

    /// <summary>The Monte-Carlo floor's RASE over the analytic floor's on the check's subsample; null without a check.</summary>
    public SeedSpread? ReplayCheck { get; }

    /// <summary>The Monte-Carlo floor's bias minus the analytic one's there: the replay's own bias.</summary>
    public SeedSpread? ReplayCheckBias { get; }

    public double ScoredPerSeed => Seeds.Average(s => s[FloorEstimator].Count);

    /// <summary>The share of arrivals that found no agent free.</summary>
    public double WaitedShare => (double)Seeds.Sum(s => s.Waited) / Seeds.Sum(s => s.Arrived);

    public double MeanWait => Seeds.Average(s => s[FloorEstimator].MeanActual);
}
