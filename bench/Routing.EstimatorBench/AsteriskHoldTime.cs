namespace Routing.EstimatorBench;

/// <summary>
/// Asterisk app_queue's estimated hold time, as recalc_holdtime computes it: an integer exponential average
/// holdtime = (3·holdtime + w) >> 2, updated whenever a caller is connected to a member, w being the whole seconds
/// between entering the queue and being connected (so callers connected at once count with about 0). The caller
/// is told holdtime minus the time it has already waited, which on arrival is holdtime itself.
/// </summary>
public sealed class AsteriskHoldTime
{
    /// <summary>The queue's holdtime, whole seconds; 0 until the first caller is connected, as in Asterisk.</summary>
    public long HoldTime { get; private set; }

    /// <param name="enteredAt">Seconds on the simulation clock when the caller entered the queue.</param>
    /// <param name="connectedAt">Seconds on the simulation clock when it was connected.</param>
    public void Connected(double enteredAt, double connectedAt)
    {
        // time(NULL) - qe->start: both instants in whole seconds.
        var waited = (long)Math.Floor(connectedAt) - (long)Math.Floor(enteredAt);
        HoldTime = ((HoldTime << 2) - HoldTime + waited) >> 2;
    }
}
