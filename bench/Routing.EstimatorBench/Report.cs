using System.Globalization;
using System.Text;

namespace Routing.EstimatorBench;

/// <summary>The markdown report: the method in brief, the ratio and bias tables, the replay check, the targets.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The columns after the router, in the order of the tables.</summary>
    private static readonly (Estimator Estimator, string Name)[] Columns =
    [
        (Estimator.RouterQueueLengthWithAbandonment, "router QL_m"),
        (Estimator.RouterQueueLength, "router QL"),
        (Estimator.QueueLengthTrue, "QL (true)"),
        (Estimator.HeadOfLine, "HOL"),
        (Estimator.LastToEnterService, "LES (waited)"),
        (Estimator.LastToEnterServiceWithZeros, "LES (with 0s)"),
        (Estimator.MovingAverage, "MA (50)"),
        (Estimator.AsteriskHoldTime, "Asterisk"),
        (Estimator.OmniChannel, "Omni-Channel"),
    ];

    public static string Write(BenchOptions options, IReadOnlyList<CaseSummary> cases, IReadOnlyList<TargetMiss> misses, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(misses);
        var report = new StringBuilder();
        var scored = cases.Where(c => !c.Scenario.PatientProbes).ToList();
        Header(report, options, wallTime);
        RatioTable(report, scored);
        BiasTable(report, scored);
        Precision(report, scored);
        ReplayCheck(report, cases);
        TargetsMet(report, options, misses);
        return report.ToString();
    }

    private static void Header(StringBuilder report, BenchOptions options, TimeSpan wallTime)
    {
        var seeds = string.Join(", ", options.Seeds.Select(s => s.ToString(Invariant)));
        report.AppendLine(Invariant, $"# Wait estimates against the optimal floor{(options.Quick ? " (quick run)" : string.Empty)}");
        report.AppendLine();
        report.AppendLine(Invariant, $"Seeds {seeds}, run in parallel; {options.Hours:0.#} scored hours per seed and case (× 50/s below s = 50; rounded to whole days or shift cycles), after a {CaseRunner.WarmUp.TotalHours:0} h warm-up; the first-hour case is {options.Hours:0.#} fresh lines per seed, each starting empty with a learner that knows only the priors. Run time {wallTime.TotalMinutes:0.0} min on {Environment.ProcessorCount} cores.");
        report.AppendLine();
        report.AppendLine(Invariant, $"Truth: handle time {Scenarios.HandleTime.TotalMinutes:0} min and patience {Scenarios.Patience.TotalMinutes:0} min, both exponential. The router is configured with a handle time of {Scenarios.Priors.HandleTime.TotalMinutes:0} min and a patience of {Scenarios.Priors.Patience.TotalMinutes:0} min (plausible, not exact), everywhere.");
        report.AppendLine();
        report.AppendLine(Invariant, $"Scored: answered contacts that had to wait (no free agent on arrival), each with the estimates made when it arrived. RASE = √(mean squared error) / mean actual wait; every RASE is given as a ratio to the floor's on the same contacts. The floor: queue length with abandonment at the true s (agents on shift able to serve the line), mu and theta, Σᵢ₌₀ⁿ 1/(s·mu + i·theta), optimal for M/M/s+M. With shared agents it is the Monte-Carlo floor: for one waiting contact in {CaseRunner.MonteCarloStride} (router and floor scored on those), the mean answer time over "
            + $"{CaseRunner.Replays} replays of the future from the whole state under the same routing (the contact infinitely patient), its squared error net of the replays' own noise (mean s²/K).");
        report.AppendLine();
    }

    private static void RatioTable(StringBuilder report, IReadOnlyList<CaseSummary> cases)
    {
        report.AppendLine("## RASE / floor RASE (mean over seeds)");
        report.AppendLine();
        report.AppendLine("| case | s | load | waited | scored / seed | mean wait | floor RASE | router (± s.e., min–max) | target | " + string.Join(" | ", Columns.Select(c => c.Name)) + " |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|" + string.Concat(Columns.Select(_ => "---|")));
        foreach (var summary in cases)
        {
            var router = summary.Ratios[Estimator.Router];
            report.Append(Invariant, $"| {summary.Scenario.Name} | {summary.Scenario.Servers} | {summary.Scenario.Load} | {summary.WaitedShare:0%} | {summary.ScoredPerSeed:0} | {summary.MeanWait:0} s | ");
            report.Append(Invariant, $"{summary.FloorRase.Mean:0.000}{(summary.FloorEstimator == Estimator.MonteCarloFloor ? " (MC)" : string.Empty)} | ");
            report.Append(Invariant, $"**{router.Mean:0.000}** ± {router.StandardError:0.000} ({router.Min:0.000}–{router.Max:0.000}) | ≤ {summary.Scenario.RouterTarget:0.00} | ");
            report.AppendLine(string.Join(" | ", Columns.Select(c => summary.Ratios.TryGetValue(c.Estimator, out var ratio) ? ratio.Mean.ToString("0.000", Invariant) : "—")) + " |");
        }

        report.AppendLine();
    }

    private static void BiasTable(StringBuilder report, IReadOnlyList<CaseSummary> cases)
    {
        report.AppendLine("## Bias: mean error / mean actual wait (mean over seeds)");
        report.AppendLine();
        report.AppendLine("| case | floor | router | router − floor (± s.e.) | " + string.Join(" | ", Columns.Select(c => c.Name)) + " |");
        report.AppendLine("|---|---|---|---|" + string.Concat(Columns.Select(_ => "---|")));
        foreach (var summary in cases)
        {
            var gap = summary.RouterBiasGap;
            report.Append(Invariant, $"| {summary.Scenario.Name} | {Percent(summary.Biases[summary.FloorEstimator].Mean)} | {Percent(summary.Biases[Estimator.Router].Mean)} | ");
            report.Append(Invariant, $"{Points(gap.Mean)} ± {gap.StandardError * 100:0.0} | ");
            report.AppendLine(string.Join(" | ", Columns.Select(c => summary.Biases.TryGetValue(c.Estimator, out var bias) ? Percent(bias.Mean) : "—")) + " |");
        }

        report.AppendLine();
    }

    private static void Precision(StringBuilder report, IReadOnlyList<CaseSummary> cases)
    {
        var loose = cases.Where(c => c.Ratios[Estimator.Router].StandardError > Targets.Precision).ToList();
        report.AppendLine(loose.Count == 0
            ? string.Create(Invariant, $"Precision: every router ratio's standard error over the seeds is within ±{Targets.Precision:0.000}.")
            : string.Create(Invariant, $"Precision: the router ratio's standard error is above ±{Targets.Precision:0.000} in {string.Join(", ", loose.Select(c => string.Create(Invariant, $"{c.Scenario.Name} ({c.Ratios[Estimator.Router].StandardError:0.000})")))}: more hours or seeds would tighten it."));
        var wide = cases
            .SelectMany(c => Columns.Select(col => col.Estimator).Append(Estimator.Router)
                .Where(c.Ratios.ContainsKey)
                .Select(e => (Case: c.Scenario.Name, Name: ColumnName(e), c.Ratios[e].StandardError)))
            .Where(r => !(r.StandardError <= Targets.Precision))
            .OrderByDescending(r => r.StandardError)
            .ToList();
        report.AppendLine(wide.Count == 0
            ? string.Create(Invariant, $"Every other ratio in the table holds to ±{Targets.Precision:0.000} too.")
            : string.Create(Invariant, $"Other ratios wider than ±{Targets.Precision:0.000}: {string.Join(", ", wide.Select(r => string.Create(Invariant, $"{r.Name} in {r.Case} ±{r.StandardError:0.000}")))}."));
        report.AppendLine();
        report.AppendLine("Processor time per case (all seeds): " + string.Join(", ", cases.Select(c => string.Create(Invariant, $"{c.Scenario.Name} {c.ComputeTime.TotalSeconds:0} s"))) + ".");
        report.AppendLine();
    }

    private static void ReplayCheck(StringBuilder report, IReadOnlyList<CaseSummary> cases)
    {
        foreach (var summary in cases.Where(c => c.ReplayCheck is not null))
        {
            var check = summary.ReplayCheck!;
            var bias = summary.ReplayCheckBias!;
            var checkedPerSeed = summary.Seeds.Average(s => s.CheckAnalytic.Count);
            report.AppendLine(Invariant, $"Replay check on {summary.Scenario.Name} (one waiting contact in {CaseRunner.ReplayCheckStride}, {checkedPerSeed:0} per seed): Monte-Carlo floor RASE / analytic floor RASE = **{check.Mean:0.0000}** ± {check.StandardError:0.0000} ({check.Min:0.0000}–{check.Max:0.0000}); its bias minus the analytic floor's {Points(bias.Mean, "0.00")} ± {bias.StandardError * 100:0.00} points.");
            report.AppendLine();
        }

        foreach (var summary in cases.Where(c => c.Scenario.PatientProbes))
        {
            var bias = summary.Biases[Estimator.MonteCarloFloor];
            report.AppendLine(Invariant, $"Replay check with shared agents ({summary.Scenario.Name}: one waiting contact in {CaseRunner.ProbeStride} a probe that never gives up, {summary.ScoredPerSeed:0} probes per seed): the Monte-Carlo floor's mean error over the probes' actual waits {Points(bias.Mean, "0.00")} ± {bias.StandardError * 100:0.00} points of their mean wait ({Points(bias.Min, "0.00")} to {Points(bias.Max, "0.00")}).");
            report.AppendLine();
        }
    }

    private static void TargetsMet(StringBuilder report, BenchOptions options, IReadOnlyList<TargetMiss> misses)
    {
        var widened = options.Quick
            ? string.Create(Invariant, $" (quick run: each limit widened by {Targets.QuickWidening:0} of the run's own standard errors)")
            : string.Empty;
        report.AppendLine("## Targets" + widened);
        report.AppendLine();
        report.AppendLine(Invariant, $"Router RASE ≤ {Scenarios.LargeCenterTarget:0.00} × floor at s ≥ 50 (daily cycle and staffing swings included), ≤ {Scenarios.SmallCenterTarget:0.00} × at s = 10, ≤ {Scenarios.SharedAgentsTarget:0.00} × the Monte-Carlo floor with shared agents, ≤ {Scenarios.FirstHourTarget:0.00} × in a fresh line's first hour; router bias within {Targets.BiasGap * 100:0.0} points of the floor's own; the Monte-Carlo floor within ±{Targets.Precision:0.000} of the analytic one (RASE ratio) and within ±{Targets.Precision * 100:0.0} points of unbiased over patient probes.");
        report.AppendLine();
        if (misses.Count == 0)
        {
            report.AppendLine("All targets met.");
            return;
        }

        report.AppendLine(Invariant, $"{misses.Count} targets missed:");
        foreach (var miss in misses)
        {
            var allowance = miss.Allowance > 0 ? string.Create(Invariant, $" + {miss.Allowance:0.000} allowance") : string.Empty;
            report.AppendLine(Invariant, $"- {miss.Case}: {miss.What} {miss.Measured:0.000} > {miss.Limit:0.000}{allowance}, by {miss.Measured - miss.Limit - miss.Allowance:0.000}");
        }
    }

    private static string ColumnName(Estimator estimator) =>
        estimator == Estimator.Router ? "router" : Columns.First(c => c.Estimator == estimator).Name;

    private static string Percent(double value) => value.ToString("+0.0%;-0.0%;0.0%", Invariant);

    private static string Points(double value, string digits = "0.0") =>
        (value * 100).ToString(string.Create(Invariant, $"+{digits};-{digits};{digits}"), Invariant);
}
