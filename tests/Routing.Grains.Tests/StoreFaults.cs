using System.Collections.Concurrent;

namespace Routing.Grains.Tests;

/// <summary>
/// Writes the tests want the store to refuse, by grain id ("queue/billing-1a2b") and state name: the next so many
/// writes of that state fail as a store outage would, and every other write goes through. Keyed by the tests'
/// unique grain ids, so tests running on the shared cluster never see each other's faults.
/// </summary>
internal static class StoreFaults
{
    private static readonly ConcurrentDictionary<string, int> FailingWrites = new(StringComparer.Ordinal);

    /// <param name="state">The grain's state to refuse (a queue also writes its statistics, behind its line).</param>
    public static void FailNextWrites(IAddressable grain, string state, int count = 1) =>
        FailingWrites[Key(grain.GetGrainId(), state)] = count;

    /// <summary>How many of the refusals asked for are still to come.</summary>
    public static int Pending(IAddressable grain, string state) =>
        FailingWrites.TryGetValue(Key(grain.GetGrainId(), state), out var left) ? left : 0;

    /// <summary>True when this write of <paramref name="stateName"/> of <paramref name="grainId"/> is one to refuse.</summary>
    public static bool TakeWriteFault(GrainId grainId, string stateName)
    {
        var key = Key(grainId, stateName);
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

    private static string Key(GrainId grainId, string stateName) => $"{grainId}#{stateName}";
}
