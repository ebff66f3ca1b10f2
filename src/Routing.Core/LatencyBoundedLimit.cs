namespace Routing.Core;

/// <summary>
/// A limit on calls in flight that follows their latency, as TCP's congestion window follows loss: additive increase,
/// multiplicative decrease. After every window of completed calls, when the window's 90th-percentile latency passed
/// the target the limit shrinks in proportion to the overshoot (at most by half at once); when it met the target and
/// calls were refused for want of a permit, the limit grows by a tenth (at least one). It starts at its maximum, so a
/// server that was never loaded sheds nothing it could serve. So past saturation the calls admitted keep a latency near the target
/// instead of queueing behind each other, and the limit finds the concurrency the machine and its store really
/// sustain. Not thread-safe: its owner serializes calls.
/// </summary>
public sealed class LatencyBoundedLimit
{
    private const double Percentile = 0.9;
    private const double LargestCut = 0.5;
    private const double Growth = 0.1;

    private readonly TimeSpan[] window;
    private int filled;
    private bool refusedInWindow;

    public LatencyBoundedLimit(int minimum, int maximum, TimeSpan target, int windowCalls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCalls, 1);
        Minimum = minimum;
        Maximum = maximum;
        Target = target;
        window = new TimeSpan[windowCalls];
        Limit = maximum;
    }

    public int Minimum { get; }

    public int Maximum { get; }

    /// <summary>The 90th-percentile latency the limit holds admitted calls to.</summary>
    public TimeSpan Target { get; }

    /// <summary>How many calls may be in flight now.</summary>
    public int Limit { get; private set; }

    /// <summary>A call was refused because <see cref="Limit"/> were in flight.</summary>
    public void Refused() => refusedInWindow = true;

    /// <summary>An admitted call ended after <paramref name="latency"/>.</summary>
    public void Completed(TimeSpan latency)
    {
        window[filled++] = latency;
        if (filled < window.Length)
        {
            return;
        }

        Array.Sort(window);
        var observed = window[(int)Math.Ceiling(Percentile * window.Length) - 1];
        if (observed > Target)
        {
            Limit = Math.Max(Minimum, (int)(Limit * Math.Max(LargestCut, Target / observed)));
        }
        else if (refusedInWindow)
        {
            Limit = Math.Min(Maximum, Limit + Math.Max(1, (int)(Limit * Growth)));
        }

        filled = 0;
        refusedInWindow = false;
    }
}
