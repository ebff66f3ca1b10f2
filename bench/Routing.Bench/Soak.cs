using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Routing.Bench;

/// <summary>
/// A long steady load (a minute's worth of contacts at a share of the saturated lives, again and again, every one
/// answered and completed by the desktops), with the process's memory sampled after each: memory that keeps growing with
/// the contacts handled, rather than levelling off, is a leak.
/// </summary>
internal static class Soak
{
    private static readonly TimeSpan Segment = TimeSpan.FromMinutes(1);

    // The server's RecordCollectionAge (2 minutes) and two of Orleans' 1-minute collection quanta.
    private static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(4);

    // Callers sharing the soak's rate, each pacing its own calls.
    private const int Callers = 4;

    /// <param name="activations">How many grain activations the silo holds, by grain type: memory that follows them is
    /// activations kept for Orleans' idle collection, memory that outgrows them is held by something else.</param>
    public static async Task<SoakFigures> RunAsync(
        Routing.Client.RoutingClient client, Desktops desktops, BenchOptions options, double saturatedLivesPerSecond, Func<Task<Dictionary<string, int>>> activations)
    {
        var rate = saturatedLivesPerSecond * options.SoakLoad;
        var perSegment = (int)Math.Max(1, rate * Segment.TotalSeconds);
        var samples = new List<SoakSample>();
        var completedBefore = desktops.Completed;
        var clock = Stopwatch.StartNew();
        for (var minute = 1; minute <= options.SoakMinutes; minute++)
        {
            var latency = new Latencies();
            var completedAt = desktops.Completed;

            // Offer times are for the measured run's latencies: kept over a soak they would be a leak of the bench's own.
            desktops.Offered.Clear();
            await PacedAsync(client, $"soak-{minute}", perSegment, rate, options, latency);
            await BenchRun.CompletedAsync(desktops, completedAt + perSegment);

            // What is live, after a full collection: the heap's size between collections counts garbage not yet
            // collected, which under the server GC runs far past it and would read as growth.
            var live = GC.GetTotalMemory(forceFullCollection: true);
            var byType = await activations();
            var process = Process.GetCurrentProcess();
            var sample = new SoakSample(
                minute,
                clock.Elapsed,
                desktops.Completed - completedBefore,
                process.WorkingSet64,
                live,
                latency.Percentile(0.99),
                byType.Values.Sum());
            samples.Add(sample);

            // As it goes, so that a long soak cut short still shows its course.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak minute {sample.Minute} (at {sample.Elapsed.TotalMinutes:0.0} min): {sample.Completed} completed, {desktops.Reconnected} offer streams reopened, RSS {sample.WorkingSet / 1e6:0} MB, live heap {sample.Heap / 1e6:0} MB, {sample.Activations} activations ({Largest(byType)}), route p99 {sample.RouteP99:0.0} ms"));
        }

        // Idle past the record grains' collection age and one more collection quantum: every finished contact and
        // customer should be gone then, and what is left is what no idle collection frees.
        await Task.Delay(IdleAfter);
        var left = await activations();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {IdleAfter.TotalMinutes:0} idle minutes after the last contact, {left.Values.Sum()} activations ({Largest(left)})"));

        // What is still referenced once every contact sent is done.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return new SoakFigures(rate, samples, GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().WorkingSet64);
    }

    private static string Largest(Dictionary<string, int> activations) =>
        string.Join(", ", activations.OrderByDescending(a => a.Value).Take(4).Select(a => $"{a.Key.Split(',')[0].Split('.')[^1]} {a.Value}"));

    /// <summary>
    /// <paramref name="contacts"/> routes from a few paced callers at <paramref name="rate"/> in all: closed loops, so
    /// a machine slowed by other work slows the soak rather than piling up calls (an open stream's backlog would be
    /// what the memory measures).
    /// </summary>
    private static async Task PacedAsync(Routing.Client.RoutingClient client, string prefix, int contacts, double rate, BenchOptions options, Latencies latency)
    {
        var interval = TimeSpan.FromSeconds(Callers / rate);
        var next = -1;
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            var clock = Stopwatch.StartNew();
            var due = TimeSpan.Zero;
            for (var i = Interlocked.Increment(ref next); i < contacts; i = Interlocked.Increment(ref next))
            {
                await BenchRun.RouteOneAsync(client, prefix, i, c => BenchRun.QueueOf(c, options), latency, sent);
                due += interval;
                if (due - clock.Elapsed is { Ticks: > 0 } early)
                {
                    await Task.Delay(early);
                }
                else
                {
                    // Behind: go on at the pace from now, not in a burst to catch up.
                    due = clock.Elapsed;
                }
            }
        }));
    }
}
