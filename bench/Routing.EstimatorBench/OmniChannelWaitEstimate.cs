namespace Routing.EstimatorBench;

/// <summary>
/// Salesforce Omni-Channel's estimated wait time, per its help article "Estimated Wait Time Calculation When Routing
/// Work with Omni-Channel": a weighted mean of the actual waits of up to the last 10 accepted work items in the
/// last 10 minutes, the most recent weighing 10, the one before 9, and so on (with 3 items: 10, 9, 8). Every
/// accepted item counts, those routed at once with a zero wait too. With none in the window it has no estimate
/// (scored as 0, the convention for every estimator without one).
/// </summary>
public sealed class OmniChannelWaitEstimate
{
    /// <summary>Accepted items the mean covers at most.</summary>
    public const int Items = 10;

    /// <summary>How recent an accepted item must be to count.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly double[] acceptedAt = new double[Items];
    private readonly double[] waits = new double[Items];
    private int newest = -1;
    private int count;

    /// <param name="at">Seconds on the simulation clock when the item was accepted.</param>
    public void Accepted(double at, double waited)
    {
        newest = (newest + 1) % Items;
        acceptedAt[newest] = at;
        waits[newest] = waited;
        count = Math.Min(Items, count + 1);
    }

    /// <returns>The estimate in seconds at <paramref name="now"/>, or 0 when no item was accepted within the window.</returns>
    public double Estimate(double now)
    {
        double weighted = 0, weights = 0;
        for (var back = 0; back < count; back++)
        {
            var slot = (newest - back + Items) % Items;
            if (now - acceptedAt[slot] > Window.TotalSeconds)
            {
                break;
            }

            var weight = Items - back;
            weighted += weight * waits[slot];
            weights += weight;
        }

        return weights > 0 ? weighted / weights : 0;
    }
}
