namespace Routing.EstimatorBench;

/// <summary>A figure over the seeds: their mean, its standard error, and the range.</summary>
public sealed record SeedSpread(double Mean, double StandardError, double Min, double Max)
{
    public static SeedSpread Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Average();
        var standardError = values.Count > 1
            ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) / values.Count)
            : double.NaN;
        return new SeedSpread(mean, standardError, values.Min(), values.Max());
    }
}
