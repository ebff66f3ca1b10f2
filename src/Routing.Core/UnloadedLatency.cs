namespace Routing.Core;

/// <summary>
/// The latency of one kind of call when it runs unloaded: a percentile of its last few unloaded calls, kept in a ring
/// so that it follows the machine as it gets faster or slower.
/// </summary>
internal sealed class UnloadedLatency(int calls, double percentile)
{
    private readonly TimeSpan[] ring = new TimeSpan[calls];
    private readonly TimeSpan[] sorted = new TimeSpan[calls];
    private int next;
    private int count;

    /// <summary>The percentile of the last unloaded calls; null until the ring has filled once.</summary>
    public TimeSpan? Latency { get; private set; }

    public void Add(TimeSpan latency)
    {
        ring[next] = latency;
        next = (next + 1) % ring.Length;
        count = Math.Min(count + 1, ring.Length);
        if (count < ring.Length)
        {
            return;
        }

        ring.CopyTo(sorted, 0);
        Array.Sort(sorted);
        Latency = sorted[(int)Math.Ceiling(percentile * sorted.Length) - 1];
    }
}
