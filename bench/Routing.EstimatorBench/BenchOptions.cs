using System.Globalization;

namespace Routing.EstimatorBench;

/// <summary>The command line, parsed in one place.</summary>
/// <param name="Seeds">Independent seeds; every case runs once per seed.</param>
/// <param name="Hours">Scored simulated hours per seed and case (scaled by <see cref="Scenario.HoursScale"/>);
/// for the first-hour case, the number of fresh lines per seed.</param>
/// <param name="Quick">The CI variant: fewer hours, targets widened by the run's own standard error.</param>
/// <param name="OutFile">Where to write the markdown report too.</param>
/// <param name="CaseFilter">Only cases whose name contains this (for working on one case).</param>
public sealed record BenchOptions(IReadOnlyList<int> Seeds, double Hours, bool Quick, string? OutFile, string? CaseFilter)
{
    public const string Usage =
        "usage: dotnet run --project bench/Routing.EstimatorBench -c Release -- [--quick] [--seeds N | --seeds A,B,C] [--hours H] [--out FILE] [--case TEXT]";

    /// <summary>The seeds' base; seed i is Base + i·SeedStep (any seeds can be given instead).</summary>
    public const int BaseSeed = 20261123;

    private const int SeedStep = 1000;

    /// <summary>At least three seeds for a spread; six keep both cores busy to the end and steady the standard errors.</summary>
    private const int DefaultSeeds = 6;

    private const int QuickSeeds = 3;

    /// <summary>Every router ratio then holds to about ±0.001 (the seeds' standard error; ±0.005 is the aim), in under 10 minutes on 2 cores.</summary>
    private const double DefaultHours = 3000;

    /// <summary>About a minute on 2 cores; the router ratios' standard errors stay within ±0.005.</summary>
    private const double QuickHours = 1200;

    /// <returns>The options, or null (with the reason on stderr) when the command line is wrong.</returns>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = false;
        string? seeds = null, hours = null, outFile = null, filter = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--seeds":
                    seeds = Value();
                    break;
                case "--hours":
                    hours = Value();
                    break;
                case "--out":
                    outFile = Value();
                    break;
                case "--case":
                    filter = Value();
                    break;
                default:
                    return Refuse($"unknown argument '{args[i]}'");
            }
        }

        var seedList = ParseSeeds(seeds, quick ? QuickSeeds : DefaultSeeds);
        if (seedList is null)
        {
            return Refuse($"--seeds takes a count or a comma-separated list of seeds, not '{seeds}'");
        }

        var hourCount = quick ? QuickHours : DefaultHours;
        if (hours is not null && (!double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out hourCount) || hourCount <= 0))
        {
            return Refuse($"--hours takes a positive number, not '{hours}'");
        }

        return new BenchOptions(seedList, hourCount, quick, outFile, filter);
    }

    private static List<int>? ParseSeeds(string? text, int fallbackCount)
    {
        if (text is null)
        {
            return [.. Enumerable.Range(0, fallbackCount).Select(i => BaseSeed + (i * SeedStep))];
        }

        if (!text.Contains(',', StringComparison.Ordinal))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                ? [.. Enumerable.Range(0, count).Select(i => BaseSeed + (i * SeedStep))]
                : null;
        }

        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
            {
                return null;
            }

            seeds.Add(seed);
        }

        return seeds.Distinct().Count() == seeds.Count ? seeds : null;
    }

    private static BenchOptions? Refuse(string reason)
    {
        Console.Error.WriteLine(reason);
        Console.Error.WriteLine(Usage);
        return null;
    }
}
