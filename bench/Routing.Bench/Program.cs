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

string Percentiles(Latencies latencies) =>
    string.Create(culture, $"{latencies.Percentile(0.5):0.0}/{latencies.Percentile(0.9):0.0}/{latencies.Percentile(0.99):0.0}");

string Figure(double? value, string format) => value is { } v ? v.ToString(format, culture) : "-";
