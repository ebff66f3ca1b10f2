using System.Globalization;
using System.Text;
using Routing.Core;
using Routing.EstimatorBench;

// Usage: dotnet run --project bench/Routing.EstimatorBench -c Release -- [--seed N] [--hours H] [--warmup-hours W] [--out FILE]
var seed = Option("--seed", 20261123);
var hours = Option("--hours", 48);
var warmUpHours = Option("--warmup-hours", 4);
var outFile = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var culture = CultureInfo.InvariantCulture;

var kinds = Enum.GetValues<WaitEstimatorKind>();
string[] names = ["QL", "QL-m", "HOL", "LES", "MA"];
var report = new StringBuilder();
report.AppendLine(culture, $"Seed {seed}; {hours} h scored after a {warmUpHours} h warm-up per case; handle time {Scenarios.HandleTime.TotalMinutes:0} min, patience {Scenarios.Patience.TotalMinutes:0} min (both exponential).");
report.AppendLine("Scored: answered contacts that had to wait (no agent free on arrival), each with the estimates made when it arrived.");
report.AppendLine();
report.AppendLine("| case | s | load | scored | " + string.Join(" | ", names.Select(n => $"{n} RASE")) + " | router RASE | " + string.Join(" | ", names.Select(n => $"{n} bias")) + " | router bias | " + string.Join(" | ", names.Select(n => $"{n} ±20%")) + " | router ±20% |");
report.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", 4 + (3 * (names.Length + 1)))));

var failures = new List<string>();
foreach (var scenario in Scenarios.All())
{
    var simulation = new CallCenterSimulation(scenario, seed);
    simulation.Run(TimeSpan.FromHours(warmUpHours), TimeSpan.FromHours(hours));
    var scores = kinds.Select(k => simulation.Scores[k]).Append(simulation.RouterScore).ToList();
    var row = $"| {scenario.Name} | {scenario.Servers} | {scenario.Load.ToString("0.0", culture)} | {simulation.RouterScore.Count} | "
        + string.Join(" | ", scores.Select(s => s.Rase.ToString("0.000", culture))) + " | "
        + string.Join(" | ", scores.Select(s => s.Bias.ToString("+0.0%;-0.0%", culture))) + " | "
        + string.Join(" | ", scores.Select(s => s.Within20.ToString("0.0%", culture))) + " |";
    report.AppendLine(row);

    var router = simulation.RouterScore.Rase;
    if (scenario.IsMarkovian && router > 1.10 * simulation.Scores[WaitEstimatorKind.QueueLength].Rase)
    {
        failures.Add($"{scenario.Name} at load {scenario.Load}: router RASE {router:0.000} is more than 10% above QL's {simulation.Scores[WaitEstimatorKind.QueueLength].Rase:0.000}");
    }

    foreach (var baseline in new[] { WaitEstimatorKind.HeadOfLine, WaitEstimatorKind.LastToEnterService, WaitEstimatorKind.MovingAverage })
    {
        if (router >= simulation.Scores[baseline].Rase)
        {
            failures.Add($"{scenario.Name} at load {scenario.Load}: router RASE {router:0.000} is not below {baseline}'s {simulation.Scores[baseline].Rase:0.000}");
        }
    }
}

report.AppendLine();
report.AppendLine(failures.Count == 0
    ? "Targets met: the router is within 10% of QL's RASE on every M/M/s+M case and below HOL, LES and MA on every case."
    : "Targets missed:\n" + string.Join('\n', failures.Select(f => $"- {f}")));
Console.Write(report);
if (outFile is not null)
{
    await File.WriteAllTextAsync(outFile, report.ToString());
}

return failures.Count == 0 ? 0 : 1;

int Option(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}
