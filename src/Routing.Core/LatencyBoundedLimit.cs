namespace Routing.Core;

/// <summary>
/// A limit on calls in flight that follows their latency, as TCP's congestion window follows loss: additive increase,
/// multiplicative decrease. After every window of completed calls, the limit shrinks in proportion to the larger
/// overshoot (at most by half at once) when the window's 90th-percentile latency passed <see cref="Target"/>, or its
/// 90th-percentile slowdown passed <see cref="Tolerance"/>; when it met both and calls were refused for want of a
/// permit, the limit grows by a tenth (at least one). It starts at its maximum, so a server that was never loaded
/// sheds nothing it could serve. So past saturation the calls admitted keep a latency near the targets instead of
/// queueing behind each other, and the limit finds the concurrency the machine and its store really sustain.
/// Not thread-safe: its owner serializes calls.
/// </summary>
/// <remarks>
/// A call's slowdown is its latency over its kind's unloaded latency: the median of the last calls of that kind that
/// ran unloaded (the owner says which did), the median because a few of those still meet a busy moment. Slowdown
/// rather than one absolute target because what a call costs alone differs by kind and by machine: a fixed 100 ms
/// kept p99s at 7 to 25 × the unloaded one across runs of the same server, as the machine's speed changed.
/// </remarks>
public sealed class LatencyBoundedLimit
{
    private const double Percentile = 0.9;
    private const double LargestCut = 0.5;
    private const double Growth = 0.1;

    // Unloaded calls of a kind that make its baseline: enough for a median, few enough to follow the machine.
    private const int BaselineCalls = 20;
    private const double BaselinePercentile = 0.5;

    private readonly TimeSpan[] latencies;
    private readonly double[] slowdowns;
    private readonly Dictionary<string, UnloadedLatency> baselines = new(StringComparer.Ordinal);
    private int filled;
    private int slowed;
    private bool refusedInWindow;

    /// <param name="tolerance">The 90th-percentile slowdown admitted calls are held to (see the remarks).</param>
    public LatencyBoundedLimit(int minimum, int maximum, TimeSpan target, double tolerance, int windowCalls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tolerance, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCalls, 1);
        Minimum = minimum;
        Maximum = maximum;
        Target = target;
        Tolerance = tolerance;
        latencies = new TimeSpan[windowCalls];
        slowdowns = new double[windowCalls];
        Limit = maximum;
    }

    public int Minimum { get; }

    public int Maximum { get; }

    /// <summary>The 90th-percentile latency the limit holds admitted calls to.</summary>
    public TimeSpan Target { get; }

    /// <summary>The 90th-percentile slowdown (latency over the kind's unloaded latency) the limit holds admitted calls to.</summary>
    public double Tolerance { get; }

    /// <summary>How many calls may be in flight now.</summary>
    public int Limit { get; private set; }

    /// <summary>A call was refused because <see cref="Limit"/> were in flight.</summary>
    public void Refused() => refusedInWindow = true;

    /// <summary>The unloaded latency of <paramref name="kind"/> learned so far; null until enough unloaded calls.</summary>
    public TimeSpan? UnloadedLatency(string kind) => baselines.GetValueOrDefault(kind)?.Latency;

    /// <summary>An admitted call ended after <paramref name="latency"/>.</summary>
    /// <param name="kind">What the call was (a gRPC method): unloaded latencies are learned per kind. The caller keeps
    /// the kinds a bounded set.</param>
    /// <param name="ranUnloaded">Whether it ran with next to nothing else in flight: such calls teach its kind its unloaded latency.</param>
    public void Completed(string kind, TimeSpan latency, bool ranUnloaded)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!baselines.TryGetValue(kind, out var baseline))
        {
            baseline = new UnloadedLatency(BaselineCalls, BaselinePercentile);
            baselines.Add(kind, baseline);
        }

        if (ranUnloaded)
        {
            baseline.Add(latency);
        }

        if (baseline.Latency is { Ticks: > 0 } unloaded)
        {
            slowdowns[slowed++] = latency / unloaded;
        }

        latencies[filled++] = latency;
        if (filled < latencies.Length)
        {
            return;
        }

        var cut = Math.Min(1, Target / Quantile(latencies, filled));

        // Judged on slowdown only when most of the window's calls are of kinds with a baseline.
        if (slowed * 2 >= filled)
        {
            cut = Math.Min(cut, Tolerance / Quantile(slowdowns, slowed));
        }

        if (cut < 1)
        {
            Limit = Math.Max(Minimum, (int)(Limit * Math.Max(LargestCut, cut)));
        }
        else if (refusedInWindow)
        {
            Limit = Math.Min(Maximum, Limit + Math.Max(1, (int)(Limit * Growth)));
        }

        filled = 0;
        slowed = 0;
        refusedInWindow = false;
    }

    private static T Quantile<T>(T[] values, int count)
    {
        Array.Sort(values, 0, count);
        return values[(int)Math.Ceiling(Percentile * count) - 1];
    }
}
