using System.Globalization;
using Routing.Bench;

// Routes contacts through the real server over gRPC on loopback and reports, per store, contacts per second and
// storage writes per contact by grain state; PostgreSQL's throughput is given as a ratio to the embedded default
// measured in the same run.
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
var baseline = results[0];
Console.WriteLine(string.Create(culture, $"{options.Contacts} voice contacts, {options.Agents} agents, {options.Callers} concurrent callers"));
Console.WriteLine(string.Create(culture, $"{"store",-16} {"routed/s",9} {"handled/s",10} {"ratio",6}   writes per contact by grain state"));
foreach (var result in results)
{
    var states = string.Join("  ", result.Writes.Keys.Order(StringComparer.Ordinal).Select(s => string.Create(culture, $"{s} {result.WritesPerContact(s):0.00}")));
    Console.WriteLine(string.Create(
        culture,
        $"{result.Store,-16} {result.RoutedPerSecond,9:0} {result.HandledPerSecond,10:0} {result.HandledPerSecond / baseline.HandledPerSecond,6:0.00}   total {result.TotalWritesPerContact:0.00}: {states}"));
}
