namespace Routing.Core;

/// <summary>
/// Queue-length-based wait estimate (optimal for M/M/s): the contact at place n waits for n service
/// completions among s servers working at rate mu each, so E[wait] = n / (s * mu) = n * AHT / s.
/// </summary>
public static class WaitEstimator
{
    /// <returns>The estimate, or null when no agent can serve the queue (the wait is unbounded).</returns>
    public static TimeSpan? QueueLengthBased(int place, int servers, TimeSpan averageHandleTime, bool agentFreeNow)
    {
        if (place <= 0)
        {
            return TimeSpan.Zero;
        }

        if (servers <= 0)
        {
            return null;
        }

        // With an agent free right now the first in line is about to be offered.
        var completionsNeeded = agentFreeNow ? place - 1 : place;
        return TimeSpan.FromSeconds(completionsNeeded * averageHandleTime.TotalSeconds / servers);
    }
}
