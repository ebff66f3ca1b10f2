using System.Collections.Concurrent;

namespace Routing.Grains.Tests;

/// <summary>
/// Writes the tests want the store to refuse, by grain id ("queue/billing-1a2b"): the next so many writes of that
/// grain fail as a store outage would, and every other grain's writes go through. Keyed by the tests' unique grain
/// ids, so tests running on the shared cluster never see each other's faults.
/// </summary>
internal static class StoreFaults
{
    private static readonly ConcurrentDictionary<string, int> FailingWrites = new(StringComparer.Ordinal);

    public static void FailNextWrites(IAddressable grain, int count = 1) =>
        FailingWrites[grain.GetGrainId().ToString()] = count;

    /// <summary>True when this write of <paramref name="grainId"/> is one to refuse.</summary>
    public static bool TakeWriteFault(GrainId grainId)
    {
        var key = grainId.ToString();
        while (FailingWrites.TryGetValue(key, out var left))
        {
            if (left <= 0)
            {
                return false;
            }

            if (FailingWrites.TryUpdate(key, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
