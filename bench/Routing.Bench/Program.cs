using System.Globalization;
using Routing.Bench;

// Routes contacts through the real server over gRPC on loopback and reports, per store: contact lives per second
// as ratios to baselines measured in the same run on the same server and store (a call refused before any grain,
// a one-grain call, the store's raw single-row write loop), latencies, CPU per life, store round trips and row
// writes per life.
var options = BenchOptions.Parse(args);
var results = new List<BenchResult>();
await using (var sqlite = new BenchStore.Sqlite())
{
    results.Add(await BenchRun.RunAsync(sqlite, options));
}

if (options.Postgres is { Length: > 0 } server)
{
    await using var postgres = new BenchStore.PostgreSql(server);
    await postgres.CreateAsync();
    results.Add(await BenchRun.RunAsync(postgres, options));
}
else
{
    Console.WriteLine("no PostgreSQL given (--postgres or ROUTING_TEST_POSTGRES): embedded default only");
}

var culture = CultureInfo.InvariantCulture;
var arrivals = options.Rate > 0 ? string.Create(culture, $"arriving as a Poisson stream at {options.Rate:0}/s") : $"{options.Callers} concurrent callers";
Console.WriteLine(string.Create(culture, $"{options.Contacts} voice contacts, {options.Agents} agents over {options.Queues} queues, {arrivals}; baselines at {options.Callers} concurrent, {options.BaselineDuration.TotalSeconds:0} s before and after"));
Console.WriteLine();
Console.WriteLine(string.Create(culture, $"{"store",-16} {"lives/s",8} {"trivial/s",10} {"1-grain/s",10} {"raw wr/s",9} {"÷trivial",9} {"÷1-grain",9} {"÷raw wr",8} {"agents/s",9}"));
foreach (var r in results)
{
    var b = r.Baselines;
    Console.WriteLine(string.Create(
        culture,
        $"{r.Store,-16} {r.HandledPerSecond,8:0} {b.TrivialCallsPerSecond,10:0} {b.OneGrainCallsPerSecond,10:0} {b.RawWritesPerSecond,9:0} {r.HandledPerSecond / b.TrivialCallsPerSecond,9:0.0000} {r.HandledPerSecond / b.OneGrainCallsPerSecond,9:0.0000} {r.HandledPerSecond / b.RawWritesPerSecond,8:0.000} {r.AgentsCreatedPerSecond,9:0}"));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"{"store",-16} {"decision p50/p90/p99 ms",24} {"route p50/p90/p99 ms",22} {"offer p50/p90/p99 ms",22} {"cpu ms/life",12} {"÷1-grain",9} {"RSS MB",7}"));
foreach (var r in results)
{
    // CPU of one one-grain call: the process is saturated by the baseline loop on all cores.
    var oneGrainCpuMs = Environment.ProcessorCount * 1000 / r.Baselines.OneGrainCallsPerSecond;
    Console.WriteLine(string.Create(
        culture,
        $"{r.Store,-16} {Percentiles(r.DecisionLatency),24} {Percentiles(r.RouteLatency),22} {Percentiles(r.OfferLatency),22} {r.CpuMillisecondsPerContact,12:0.00} {r.CpuMillisecondsPerContact / oneGrainCpuMs,9:0} {r.WorkingSet / 1e6,7:0}"));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"{"store",-16} {"round trips/life",17} {"ops/round trip",15} {"bytes/life",11}   row writes per life by grain state"));
foreach (var r in results)
{
    var states = string.Join("  ", r.Storage.Writes.Keys.Order(StringComparer.Ordinal).Select(s => string.Create(culture, $"{s} {r.WritesPerContact(s):0.00}")));
    Console.WriteLine(string.Create(culture, $"{r.Store,-16} {r.RoundTripsPerContact,17:0.00} {r.OperationsPerBatch,15:0.0} {r.BytesPerContact,11:0}   total {r.TotalWritesPerContact:0.00}: {states}"));
}

if (options.IdleDuration > TimeSpan.Zero || options.Parked > 0 || options.LongLine > 0)
{
    Console.WriteLine();
    Console.WriteLine(string.Create(culture, $"{"store",-16} {"idle % core",12} {"KB/parked (RSS, heap)",22} {"line enqueues/s short→long",27} {"÷",6} {"line bytes/enqueue short→long",30}"));
    foreach (var r in results)
    {
        var s = r.Scenarios;
        Console.WriteLine(string.Create(
            culture,
            $"{r.Store,-16} {Figure(s.IdleCoreShare * 100, "0.00"),12} {Figure(s.WorkingSetBytesPerParked / 1024, "0.00") + ", " + Figure(s.HeapBytesPerParked / 1024, "0.00"),22} {Figure(s.ShortLineEnqueuesPerSecond, "0") + " → " + Figure(s.LongLineEnqueuesPerSecond, "0"),27} {Figure(s.LongLineEnqueuesPerSecond / s.ShortLineEnqueuesPerSecond, "0.00"),6} {Figure(s.EntryBytesAtShortLine, "0") + " → " + Figure(s.EntryBytesAtLongLine, "0"),30}"));
    }
}

if (options.SoakMinutes > 0)
{
    Console.WriteLine();
    foreach (var r in results)
    {
        if (r.Soak is not { } soak)
        {
            continue;
        }

        Console.WriteLine(string.Create(culture, $"soak ({r.Store}): {options.SoakMinutes} min at {soak.Rate:0} contacts/s ({options.SoakLoad:P0} of the saturated lives)"));
        Console.WriteLine(string.Create(culture, $"{"minute",7} {"at min",7} {"completed",10} {"RSS MB",7} {"live heap MB",13} {"activations",12} {"route p99 ms",13}"));
        foreach (var s in soak.Samples)
        {
            Console.WriteLine(string.Create(culture, $"{s.Minute,7} {s.Elapsed.TotalMinutes,7:0.0} {s.Completed,10} {s.WorkingSet / 1e6,7:0} {s.Heap / 1e6,13:0} {s.Activations,12} {s.RouteP99,13:0.0}"));
        }

        var first = soak.Samples[0];
        var last = soak.Samples[^1];
        Console.WriteLine(string.Create(
            culture,
            $"RSS last ÷ first minute {(double)last.WorkingSet / first.WorkingSet:0.00}, live heap {(double)last.Heap / first.Heap:0.00}; growth per minute over the second half: RSS {soak.WorkingSetGrowthPerMinute:P2}, live heap {soak.HeapGrowthPerMinute:P2}; after a full collection: heap {soak.HeapAfter / 1e6:0} MB, RSS {soak.WorkingSetAfter / 1e6:0} MB; route p99 last ÷ first minute {last.RouteP99 / first.RouteP99:0.00}"));
    }
}

if (options.OverloadCallers > 0)
{
    // Judged against the same run: routes/s and lives/s of the measured contacts at --callers, a route's p99 for one caller alone.
    var limit = options.MaxCallsInFlight > 0 ? options.MaxCallsInFlight.ToString(culture) : "server default";
    Console.WriteLine();
    Console.WriteLine(string.Create(culture, $"overload: {options.OverloadCallers} callers for {options.OverloadDuration.TotalSeconds:0} s, deadline 5 s, shed → retry after 5-20 ms; MaxCallsInFlight {limit}; saturated = the measured contacts at {options.Callers} callers; {options.OverloadUnservable} contacts no agent can take waiting ahead"));
    Console.WriteLine(string.Create(culture, $"{"store",-16} {"routes/s sat→over",18} {"÷",6} {"lives/s sat→over",17} {"÷",6} {"route p99 ms unl→over",22} {"÷",7} {"shed",8} {"shed p99 ms",12} {"failed",7} {"RSS MB before/peak/after",25} {"recovery s",11} {"orphans",8}"));
    foreach (var r in results)
    {
        if (r.Overload is not { } o)
        {
            continue;
        }

        var unloadedP99 = o.Unloaded.Percentile(0.99);
        var admittedP99 = o.Admitted.Percentile(0.99);
        Console.WriteLine(string.Create(
            culture,
            $"{r.Store,-16} {o.SaturatedRoutesPerSecond.ToString("0", culture) + " → " + o.AdmittedPerSecond.ToString("0", culture),18} {o.AdmittedPerSecond / o.SaturatedRoutesPerSecond,6:0.00} {o.SaturatedLivesPerSecond.ToString("0", culture) + " → " + o.CompletedPerSecond.ToString("0", culture),17} {o.CompletedPerSecond / o.SaturatedLivesPerSecond,6:0.00} {unloadedP99.ToString("0.0", culture) + " → " + admittedP99.ToString("0.0", culture),22} {admittedP99 / unloadedP99,7:0.0} {o.Shed.Count,8} {o.Shed.Percentile(0.99),12:0.0} {o.Failures.Values.Sum(),7} {$"{o.WorkingSetBefore / 1e6:0}/{o.WorkingSetPeak / 1e6:0}/{o.WorkingSetAfter / 1e6:0}",25} {Figure(o.Recovery?.TotalSeconds, "0.00"),11} {o.Orphans,8}"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(culture, $"{"store",-16} {"admitted",9} {"admitted p50/p90/p99 ms",24} {"unloaded p50/p90/p99 ms",24} {"failed by status",24} {"retried→answered",17} {"request ids",12} {"told",7} {"on server",10} {"lost",5} {"drain s",8} {"desktop sheds",14} {"streams reopened",17}"));
    foreach (var r in results)
    {
        if (r.Overload is not { } o)
        {
            continue;
        }

        var failed = o.Failures.Count == 0 ? "-" : string.Join(" ", o.Failures.OrderBy(f => f.Key).Select(f => string.Create(culture, $"{f.Key} {f.Value}")));
        Console.WriteLine(string.Create(
            culture,
            $"{r.Store,-16} {o.Admitted.Count,9} {Percentiles(o.Admitted),24} {Percentiles(o.Unloaded),24} {failed,24} {$"{o.Retried}→{o.RetriedAnswered}",17} {o.RequestIds,12} {o.Told,7} {o.ServerContacts,10} {o.Lost,5} {Figure(o.Drain?.TotalSeconds, "0.0"),8} {o.DesktopSheds,14} {o.StreamsReopened,17}"));
        if (o.OrphanExamples.Count > 0)
        {
            Console.WriteLine($"{r.Store,-16} orphans (request id: attempts' statuses): {string.Join("; ", o.OrphanExamples)}");
        }
    }
}

string Percentiles(Latencies latencies) =>
    string.Create(culture, $"{latencies.Percentile(0.5):0.0}/{latencies.Percentile(0.9):0.0}/{latencies.Percentile(0.99):0.0}");

string Figure(double? value, string format) => value is { } v ? v.ToString(format, culture) : "-";
