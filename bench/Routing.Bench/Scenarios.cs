using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Bench;

/// <summary>What is measured after the lives, on the same server: idle cost, memory per waiting contact, a long line.</summary>
internal static class Scenarios
{
    // Contacts timed at each end of the long line.
    private const int LineWindow = 500;

    // The state name the queue's line entries are written under.
    private const string LineEntries = "queue-line";

    public static async Task<ScenarioFigures> RunAsync(WebApplication app, RoutingClient client, ServerMeters meters, BenchOptions options)
    {
        double? idle = options.IdleDuration > TimeSpan.Zero ? await IdleCoreShareAsync(options.IdleDuration) : null;
        var (workingSet, heap) = options.Parked > 0 ? await ParkAsync(app, client, options) : (null, null);
        (double ShortRate, double LongRate, double ShortBytes, double LongBytes)? line = options.LongLine > 0 ? await LongLineAsync(client, meters, options) : null;
        return new ScenarioFigures(idle, workingSet, heap, line?.ShortRate, line?.LongRate, line?.ShortBytes, line?.LongBytes);
    }

    /// <summary>The process's CPU while nothing happens but every offer stream stays open, as a share of one core.</summary>
    private static async Task<double> IdleCoreShareAsync(TimeSpan duration)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        // Measuring idleness is waiting: nothing is expected to happen.
        await Task.Delay(duration);
        return (Process.GetCurrentProcess().TotalProcessorTime - before) / wall.Elapsed;
    }

    /// <summary>
    /// Parks contacts in queues no agent serves, spread over as many queues as the lives used. Idle activations
    /// (the contacts, their customers) are then collected as Orleans does after its collection age, and every queue is
    /// asked for its stats so that it is live again with its line: what is measured is what a waiting contact costs.
    /// </summary>
    private static async Task<(double? WorkingSet, double? Heap)> ParkAsync(WebApplication app, RoutingClient client, BenchOptions options)
    {
        var queues = Enumerable.Range(0, options.Queues).Select(q => $"parked-{q}").ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Callers };
        await Parallel.ForEachAsync(queues, parallel, async (queue, ct) => await BenchRun.CreateQueueAsync(client, queue, ct));
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Parallel.ForEachAsync(queues, parallel, async (queue, ct) => await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue }, cancellationToken: ct));
        var before = Memory();

        await BenchRun.RouteAllAsync(client, "parked", options.Parked, options.Callers, i => queues[i % queues.Count], new Latencies(), []);
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Parallel.ForEachAsync(queues, parallel, async (queue, ct) =>
        {
            var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue }, cancellationToken: ct);
            if (stats.Waiting == 0)
            {
                throw new InvalidOperationException($"queue {queue} lost its parked contacts");
            }
        });
        var after = Memory();
        return ((double)(after.WorkingSet - before.WorkingSet) / options.Parked, (double)(after.Heap - before.Heap) / options.Parked);
    }

    /// <summary>One queue no agent serves grown to --long-line contacts: enqueues per second and line bytes written per enqueue at each end.</summary>
    private static async Task<(double ShortRate, double LongRate, double ShortBytes, double LongBytes)> LongLineAsync(RoutingClient client, ServerMeters meters, BenchOptions options)
    {
        const string Queue = "long";
        await BenchRun.CreateQueueAsync(client, Queue, CancellationToken.None);
        var window = Math.Min(LineWindow, options.LongLine / 2);
        var (shortRate, shortBytes) = await TimedAsync("long-first", window);
        await BenchRun.RouteAllAsync(client, "long-middle", options.LongLine - (2 * window), options.Callers, _ => Queue, new Latencies(), []);
        var (longRate, longBytes) = await TimedAsync("long-last", window);
        return (shortRate, longRate, shortBytes, longBytes);

        async Task<(double Rate, double Bytes)> TimedAsync(string prefix, int contacts)
        {
            var before = meters.Read();
            var clock = Stopwatch.StartNew();
            await BenchRun.RouteAllAsync(client, prefix, contacts, options.Callers, _ => Queue, new Latencies(), []);
            var rate = contacts / clock.Elapsed.TotalSeconds;
            var written = meters.Read().Since(before).Bytes.GetValueOrDefault(LineEntries);
            return (rate, (double)written / contacts);
        }
    }

    private static (long WorkingSet, long Heap) Memory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
