namespace Routing.EstimatorBench;

/// <summary>
/// The targets (issue 13): the router's RASE within each case's multiple of the floor's, its bias within
/// <see cref="BiasGap"/> of the floor's own, the Monte-Carlo floor equal to the analytic one where both are known,
/// and unbiased over patient probes where agents are shared.
/// The quick run checks the same targets widened by <see cref="QuickWidening"/> of its own standard errors, so it
/// fails on real regressions rather than on its shorter runs' noise.
/// </summary>
public static class Targets
{
    /// <summary>The router's bias may differ from the floor's own by 1.5 points of the mean wait.</summary>
    public const double BiasGap = 0.015;

    /// <summary>The precision every ratio should hold to; the replay check must agree within it.</summary>
    public const double Precision = 0.005;

    /// <summary>Standard errors the quick run's limits are widened by: about a 2.5% chance of a false miss per check.</summary>
    public const double QuickWidening = 2;

    public static IReadOnlyList<TargetMiss> Check(IEnumerable<CaseSummary> cases, bool quick)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var widening = quick ? QuickWidening : 0;
        var misses = new List<TargetMiss>();
        foreach (var summary in cases)
        {
            var name = summary.Scenario.Name;
            if (summary.Scenario.PatientProbes)
            {
                var probe = summary.Biases[Estimator.MonteCarloFloor];
                if (Math.Abs(probe.Mean) > Precision + Allowance(probe, widening))
                {
                    misses.Add(new TargetMiss(name, "|Monte-Carlo floor bias over patient probes|", Math.Abs(probe.Mean), Precision, Allowance(probe, widening)));
                }

                continue;
            }

            var router = summary.Ratios[Estimator.Router];
            if (router.Mean > summary.Scenario.RouterTarget + Allowance(router, widening))
            {
                misses.Add(new TargetMiss(name, "router RASE / floor RASE", router.Mean, summary.Scenario.RouterTarget, Allowance(router, widening)));
            }

            var gap = summary.RouterBiasGap;
            if (Math.Abs(gap.Mean) > BiasGap + Allowance(gap, widening))
            {
                misses.Add(new TargetMiss(name, "|router bias − floor bias|", Math.Abs(gap.Mean), BiasGap, Allowance(gap, widening)));
            }

            if (summary.ReplayCheck is { } check && Math.Abs(check.Mean - 1) > Precision + Allowance(check, widening))
            {
                misses.Add(new TargetMiss(name, "|Monte-Carlo floor / analytic floor − 1|", Math.Abs(check.Mean - 1), Precision, Allowance(check, widening)));
            }
        }

        return misses;
    }

    // A single seed has no standard error: no allowance then (rather than a NaN that would pass every check).
    private static double Allowance(SeedSpread spread, double widening) =>
        widening > 0 && double.IsFinite(spread.StandardError) ? widening * spread.StandardError : 0;
}
