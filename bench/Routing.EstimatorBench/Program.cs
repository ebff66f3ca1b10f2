using System.Diagnostics;
using Routing.EstimatorBench;

// Wait-estimate accuracy against the optimal floor. Usage: see BenchOptions.Usage.
if (BenchOptions.Parse(args) is not { } options)
{
    return 2;
}

var scenarios = Scenarios.All()
    .Select((scenario, index) => (Scenario: scenario, Index: index))
    .Where(c => options.CaseFilter is null || c.Scenario.Name.Contains(options.CaseFilter, StringComparison.OrdinalIgnoreCase))
    .ToList();
if (scenarios.Count == 0)
{
    Console.Error.WriteLine($"no case matches '{options.CaseFilter}'");
    return 2;
}

// Every (case, seed) is independent and deterministic; they run in parallel, the costly replay cases first.
var jobs = scenarios
    .SelectMany(c => options.Seeds.Select(seed => (c.Scenario, c.Index, Seed: seed)))
    .OrderByDescending(j => j.Scenario.Floor == FloorKind.MonteCarlo)
    .ToList();
var outcomes = new (CaseOutcome Outcome, TimeSpan Time)[jobs.Count];
var clock = Stopwatch.StartNew();
Parallel.For(
    0,
    jobs.Count,
    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
    i =>
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = CaseRunner.Run(jobs[i].Scenario, jobs[i].Index, jobs[i].Seed, options.Hours);
        outcomes[i] = (outcome, Stopwatch.GetElapsedTime(started));
        Console.Error.WriteLine($"{jobs[i].Scenario.Name}, seed {jobs[i].Seed}: {outcomes[i].Time.TotalSeconds:0.0} s");
    });

var summaries = scenarios
    .Select(c =>
    {
        var mine = Enumerable.Range(0, jobs.Count).Where(i => jobs[i].Index == c.Index).OrderBy(i => jobs[i].Seed).ToList();
        return new CaseSummary(c.Scenario, [.. mine.Select(i => outcomes[i].Outcome)], TimeSpan.FromTicks(mine.Sum(i => outcomes[i].Time.Ticks)));
    })
    .ToList();
var misses = Targets.Check(summaries, options.Quick);
var report = Report.Write(options, summaries, misses, clock.Elapsed);
Console.Write(report);
if (options.OutFile is not null)
{
    await File.WriteAllTextAsync(options.OutFile, report);
}

return misses.Count == 0 ? 0 : 1;
