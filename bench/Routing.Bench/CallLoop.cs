using System.Diagnostics;

namespace Routing.Bench;

/// <summary>A baseline: one kind of call repeated by a number of concurrent workers for a while.</summary>
internal static class CallLoop
{
    /// <summary>Runs <paramref name="call"/> from <paramref name="workers"/> loops for <paramref name="duration"/>.</summary>
    /// <returns>Calls completed per second.</returns>
    public static async Task<double> RateAsync(int workers, TimeSpan duration, Func<int, Task> call)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            while (clock.Elapsed < duration)
            {
                await call(worker);
                Interlocked.Increment(ref completed);
            }
        }));
        return completed / clock.Elapsed.TotalSeconds;
    }
}
