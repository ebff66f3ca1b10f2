namespace Routing.Bench;

/// <summary>What the soak measured: its arrival rate, a sample a minute, and the heap and RSS once it was over and collected.</summary>
internal sealed record SoakFigures(double Rate, IReadOnlyList<SoakSample> Samples, long HeapAfter, long WorkingSetAfter)
{
    /// <summary>
    /// Growth of the RSS per minute over the second half of the soak (least squares), as a share of the RSS at its
    /// middle: near 0 when memory is flat once warm.
    /// </summary>
    public double WorkingSetGrowthPerMinute => Growth(s => s.WorkingSet);

    public double HeapGrowthPerMinute => Growth(s => s.Heap);

    private double Growth(Func<SoakSample, long> value)
    {
        var half = Samples.Skip(Samples.Count / 2).ToList();
        if (half.Count < 2)
        {
            return double.NaN;
        }

        var meanX = half.Average(s => (double)s.Minute);
        var meanY = half.Average(s => (double)value(s));
        var slope = half.Sum(s => (s.Minute - meanX) * (value(s) - meanY)) / half.Sum(s => Math.Pow(s.Minute - meanX, 2));
        return slope / meanY;
    }
}
