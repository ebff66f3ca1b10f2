namespace Routing.EstimatorBench;

/// <summary>What one seed of one case measured: every estimator's errors over the same scored contacts.</summary>
public sealed class CaseOutcome
{
    public ErrorTally[] Tallies { get; } = [.. Enum.GetValues<Estimator>().Select(_ => new ErrorTally())];

    /// <summary>The replay check's subsample: the analytic floor there...</summary>
    public ErrorTally CheckAnalytic { get; } = new();

    /// <summary>...and the Monte-Carlo floor on the same contacts.</summary>
    public ErrorTally CheckMonteCarlo { get; } = new();

    /// <summary>Contacts arrived after the warm-up...</summary>
    public long Arrived { get; set; }

    /// <summary>...and those of them that had to wait.</summary>
    public long Waited { get; set; }

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
    }
}
