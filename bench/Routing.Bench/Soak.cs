using System.Collections.Concurrent;
using System.Diagnostics;

namespace Routing.Bench;

/// <summary>
/// A long steady load (contacts arriving as a Poisson stream at a share of the saturated lives, every one answered
/// and completed by the desktops), with the process's memory sampled every minute: memory that keeps growing with
/// the contacts handled, rather than levelling off, is a leak.
/// </summary>
internal static class Soak
{
    private static readonly TimeSpan Segment = TimeSpan.FromMinutes(1);

    public static async Task<SoakFigures> RunAsync(Routing.Client.RoutingClient client, Desktops desktops, BenchOptions options, double saturatedLivesPerSecond)
    {
        var rate = saturatedLivesPerSecond * options.SoakLoad;
        var perSegment = (int)Math.Max(1, rate * Segment.TotalSeconds);
        var samples = new List<SoakSample>();
        var completedBefore = desktops.Completed;
        var clock = Stopwatch.StartNew();
        for (var minute = 1; minute <= options.SoakMinutes; minute++)
        {
            var latency = new Latencies();
            await BenchRun.RouteArrivingAsync(client, $"soak-{minute}", perSegment, rate, i => BenchRun.QueueOf(i, options), latency, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
            var process = Process.GetCurrentProcess();
            samples.Add(new SoakSample(
                minute,
                clock.Elapsed,
                desktops.Completed - completedBefore,
                process.WorkingSet64,
                GC.GetGCMemoryInfo().HeapSizeBytes,
                latency.Percentile(0.99)));
        }

        // What is still referenced once every contact sent is done, against the same after the first minute.
        await BenchRun.CompletedAsync(desktops, completedBefore + (long)perSegment * options.SoakMinutes);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new SoakFigures(rate, samples, GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().WorkingSet64);
    }
}
