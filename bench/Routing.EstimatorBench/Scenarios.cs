using System.Globalization;
using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>The cases the bench scores, with the true traffic and what the router is told.</summary>
public static class Scenarios
{
    /// <summary>True mean handle time (exponential).</summary>
    public static readonly TimeSpan HandleTime = TimeSpan.FromMinutes(5);

    /// <summary>True mean patience (exponential).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>
    /// What the router is configured with everywhere: plausible, not exact (a fifth short on handle time, a fifth
    /// long on patience), as a real queue's configuration would be.
    /// </summary>
    public static readonly WaitPriors Priors = new(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(12));

    /// <summary>The router against the floor at 50 agents and more (issue 13): within 2%.</summary>
    public const double LargeCenterTarget = 1.02;

    /// <summary>At 10 agents the learned rates are noisier (a tenth of the answers per hour): within 3%.</summary>
    public const double SmallCenterTarget = 1.03;

    /// <summary>Shared agents: the router sees only its line's share, the Monte-Carlo floor the whole state: within 5%.</summary>
    public const double SharedAgentsTarget = 1.05;

    /// <summary>A fresh line's first hour, learning from its priors: within 10%.</summary>
    public const double FirstHourTarget = 1.10;

    /// <summary>
    /// Simulated hours hold about s·load·12 arrivals, so smaller centers get proportionally more hours than these
    /// 50 agents; larger ones get as many (fewer of their contacts wait, and the naive estimators' ratios need them).
    /// </summary>
    private const int ReferenceServers = 50;

    /// <summary>Amplitude of the daily cycle of arrivals: ±30% around the mean.</summary>
    private const double DaySwing = 0.3;

    /// <summary>The staffing case: 40 full-time agents and 20 part-time ones, arrivals at load 1.0 of their mean 50.</summary>
    private const int FullTimeAgents = 40;

    private const int PartTimeAgents = 20;

    private static readonly TimeSpan ShiftPeriod = TimeSpan.FromHours(1);

    public static IReadOnlyList<Scenario> All()
    {
        var mu = 1 / HandleTime.TotalSeconds;
        var cases = new List<Scenario>();
        foreach (var servers in new[] { 10, 50, 100 })
        {
            foreach (var load in new[] { 0.9, 1.0, 1.1 })
            {
                cases.Add(new Scenario(
                    string.Create(CultureInfo.InvariantCulture, $"M/M/{servers}+M ρ={load:0.0}"),
                    servers.ToString(CultureInfo.InvariantCulture),
                    load.ToString("0.0", CultureInfo.InvariantCulture),
                    [new LineSpec("line", "general", load * servers * mu)],
                    [new AgentGroupSpec("agent", servers, ["general"])],
                    FloorKind.Analytic,
                    servers >= ReferenceServers ? LargeCenterTarget : SmallCenterTarget,
                    HoursScale: Math.Max(1, (double)ReferenceServers / servers),
                    // The Monte-Carlo floor is checked where the analytic one is known, at the reference size.
                    ReplayCheck: servers == ReferenceServers && load == 1.0));
            }
        }

        cases.Add(new Scenario(
            "daily cycle",
            "50",
            "1.0 ±30%",
            [new LineSpec("line", "general", ReferenceServers * mu, DaySwing)],
            [new AgentGroupSpec("agent", ReferenceServers, ["general"])],
            FloorKind.Analytic,
            LargeCenterTarget,
            HoursScale: 1));

        cases.Add(new Scenario(
            "staffing 60↔40 hourly",
            "60/40",
            "0.83/1.25",
            [new LineSpec("line", "general", (FullTimeAgents + (PartTimeAgents / 2)) * mu)],
            [
                new AgentGroupSpec("full", FullTimeAgents, ["general"]),
                new AgentGroupSpec("part", PartTimeAgents, ["general"], PartTime: true),
            ],
            FloorKind.Analytic,
            LargeCenterTarget,
            HoursScale: 1,
            Swing: new StaffingSwing(ShiftPeriod)));

        // Two skills: 30 + 30 dedicated agents and 20 shared ones, the lines loaded unevenly (48 and 32 erlangs).
        cases.Add(new Scenario(
            "two skills, 20 shared",
            "30+30+20",
            "1.0",
            [new LineSpec("billing", "billing", 48 * mu), new LineSpec("sales", "sales", 32 * mu)],
            [
                new AgentGroupSpec("billing", 30, ["billing"]),
                new AgentGroupSpec("sales", 30, ["sales"]),
                new AgentGroupSpec("both", 20, ["billing", "sales"]),
            ],
            FloorKind.MonteCarlo,
            SharedAgentsTarget,
            HoursScale: 1));

        // The same center with patient probes: checks the replays' routing policy where agents are shared.
        cases.Add(cases[^1] with { Name = "two skills, patient probes", PatientProbes = true });

        cases.Add(new Scenario(
            "first hour, fresh line",
            "50",
            "1.0",
            [new LineSpec("line", "general", ReferenceServers * mu)],
            [new AgentGroupSpec("agent", ReferenceServers, ["general"])],
            FloorKind.Analytic,
            FirstHourTarget,
            HoursScale: 1,
            FreshLines: true));
        return cases;
    }
}
