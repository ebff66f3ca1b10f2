namespace Routing.Bench;

/// <summary>
/// What a run measures: how many contacts (after --warm-up contacts not measured), how many agents answer them, how many callers at once, how long each
/// baseline runs (--baseline-seconds, before and after the contacts), and the
/// PostgreSQL server to compare with the embedded default (--postgres, or ROUTING_TEST_POSTGRES).
/// </summary>
internal sealed record BenchOptions(int Contacts, int WarmUpContacts, int Agents, int Callers, TimeSpan BaselineDuration, string? Postgres)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Number(string name, int fallback) => int.TryParse(Text(name), out var value) ? value : fallback;

        return new BenchOptions(
            Number("--contacts", 400),
            Number("--warm-up", 200),
            Number("--agents", 20),
            Number("--callers", 16),
            TimeSpan.FromSeconds(Number("--baseline-seconds", 2)),
            Text("--postgres") ?? Environment.GetEnvironmentVariable("ROUTING_TEST_POSTGRES"));
    }
}
