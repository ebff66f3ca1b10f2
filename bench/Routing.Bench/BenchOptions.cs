namespace Routing.Bench;

/// <summary>
/// What a run measures: how many contacts (after --warm-up contacts not measured), how many agents answer them over
/// how many queues, how many callers at once, how long each baseline runs (--baseline-seconds, before and after the
/// contacts), and the PostgreSQL server to compare with the embedded default (--postgres, or ROUTING_TEST_POSTGRES).
/// After the lives: --idle-seconds with every offer stream open and nothing happening (the idle cost), --parked
/// contacts left waiting in queues no agent serves (memory per waiting contact), and --long-line contacts routed into
/// one queue no agent serves (whether joining a long line costs more than joining a short one). With --rate, the
/// measured contacts arrive as an open Poisson stream at that many per second instead of from --callers closed loops
/// (the callers still run the warm-up and the baselines). With --overload-callers N (0, the default: off), after the
/// scenarios N closed-loop callers route for --overload-seconds against the server's admission limit
/// (--max-calls-in-flight, --max-desktop-calls-in-flight, --call-latency-target-ms, --call-slowdown-tolerance; 0: the server's defaults), measured against the saturated and unloaded routes of the same run.
/// --overload-unservable N first puts N contacts no agent can take (a skill nobody has) at the front of the
/// overload's queues, before its unloaded routes: a long line every agent's peek passes over.
/// </summary>
internal sealed record BenchOptions(
    int Contacts,
    int WarmUpContacts,
    int Agents,
    int Queues,
    int Callers,
    TimeSpan BaselineDuration,
    TimeSpan IdleDuration,
    int Parked,
    int LongLine,
    double Rate,
    int OverloadCallers,
    TimeSpan OverloadDuration,
    int OverloadUnservable,
    int MaxCallsInFlight,
    int MaxDesktopCallsInFlight,
    int CallLatencyTargetMilliseconds,
    int CallSlowdownTolerance,
    int SoakMinutes,
    double SoakLoad,
    string? Postgres)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Number(string name, int fallback) => int.TryParse(Text(name), out var value) ? value : fallback;

        var agents = Number("--agents", 20);
        return new BenchOptions(
            Number("--contacts", 400),
            Number("--warm-up", 200),
            agents,
            Math.Clamp(Number("--queues", 1), 1, agents),
            Number("--callers", 16),
            TimeSpan.FromSeconds(Number("--baseline-seconds", 2)),
            TimeSpan.FromSeconds(Number("--idle-seconds", 0)),
            Number("--parked", 0),
            Number("--long-line", 0),
            Number("--rate", 0),
            Number("--overload-callers", 0),
            TimeSpan.FromSeconds(Number("--overload-seconds", 30)),
            Number("--overload-unservable", 0),
            Number("--max-calls-in-flight", 0),
            Number("--max-desktop-calls-in-flight", 0),
            Number("--call-latency-target-ms", 0),
            Number("--call-slowdown-tolerance", 0),
            Number("--soak-minutes", 0),
            Number("--soak-load-percent", 50) / 100.0,
            Text("--postgres") ?? Environment.GetEnvironmentVariable("ROUTING_TEST_POSTGRES"));
    }
}
