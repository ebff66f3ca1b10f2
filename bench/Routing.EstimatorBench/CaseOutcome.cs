namespace Routing.EstimatorBench;

/// <summary>What one seed of one case measured: every estimator's errors over the same scored contacts.</summary>
public sealed class CaseOutcome
{
    public ErrorTally[] Tallies { get; } = [.. Enum.GetValues<Estimator>().Select(_ => new ErrorTally())];

    /// <summary>The replay check's subsample: the analytic floor there...</summary>
    public ErrorTally CheckAnalytic { get; } = new();

    /// <summary>...and the Monte-Carlo floor on the same contacts.</summary>
    public ErrorTally CheckMonteCarlo { get; } = new();

    public long Arrived { get; set; }

    public long Waited { get; set; }

    public double ScoredHours { get; set; }

    public ErrorTally this[Estimator estimator] => Tallies[(int)estimator];

    public void Merge(CaseOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Tallies.Length; i++)
        {
            Tallies[i].Merge(other.Tallies[i]);
        }

        CheckAnalytic.Merge(other.CheckAnalytic);
        CheckMonteCarlo.Merge(other.CheckMonteCarlo);
        Arrived += other.Arrived;
        Waited += other.Waited;
        ScoredHours += other.ScoredHours;
    }
}
