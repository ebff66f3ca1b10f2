namespace Routing.EstimatorBench;

/// <summary>
/// The analytic floor: for M/M/s+M under first come first served, a contact with n ahead is answered after n + 1
/// departures from the line ahead of it; while i are ahead the next departure comes at rate s·mu + i·theta (an
/// answer or one of them giving up), so E[W] = Σ_{i=0..n} 1 / (s·mu + i·theta), exactly, for a patient contact.
/// </summary>
public static class OptimalWait
{
    public static double QueueLengthWithAbandonment(int ahead, double servers, double serviceRate, double abandonmentRate)
    {
        var seconds = 0.0;
        for (var i = 0; i <= ahead; i++)
        {
            seconds += 1 / ((servers * serviceRate) + (i * abandonmentRate));
        }

        return seconds;
    }

    /// <summary>Without abandonment: (n + 1) / (s·mu).</summary>
    public static double QueueLength(int ahead, double servers, double serviceRate) => (ahead + 1) / (servers * serviceRate);
}
