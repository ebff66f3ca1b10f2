using System.Collections.Concurrent;

namespace Routing.Bench;

/// <summary>Latency samples collected from many tasks, summarized as percentiles.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> milliseconds = [];

    public void Add(TimeSpan latency) => milliseconds.Add(latency.TotalMilliseconds);

    public int Count => milliseconds.Count;

    /// <summary>The <paramref name="fraction"/> quantile in milliseconds (nearest rank); 0 with no samples.</summary>
    public double Percentile(double fraction)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
