namespace Routing.EstimatorBench;

/// <summary>Runs one case for one seed: one long run after a warm-up, or many fresh lines' first hours.</summary>
public static class CaseRunner
{
    /// <summary>
    /// Unscored time first, so the learners start from what they saw, not from nothing: twice the learner's
    /// longest half-life (2 h, its per-agent traits) — by then the priors and the empty start weigh little.
    /// </summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromHours(4);

    /// <summary>A fresh line is scored on its first hour only.</summary>
    public static readonly TimeSpan FreshLineSpan = TimeSpan.FromHours(1);

    /// <summary>
    /// Futures per replayed contact: the replays' noise is corrected for (s²/K), so K only needs to keep that
    /// correction small next to the floor's own error (1/K of the wait's variance given the state).
    /// </summary>
    public const int Replays = 64;

    /// <summary>Every 2nd waiting contact is replayed and scored where the Monte-Carlo floor is the floor: about
    /// as precise as scoring all (consecutive contacts' errors are correlated) for half the replays.</summary>
    public const int MonteCarloStride = 2;

    /// <summary>The replay check needs fewer contacts: the two floors differ only by the replays' noise.</summary>
    public const int ReplayCheckStride = 8;

    /// <summary>Patient probes are few, so that they seldom wait ahead of another probe: the replays take every
    /// contact ahead to be as impatient as the traffic's.</summary>
    public const int ProbeStride = 40;

    public static CaseOutcome Run(Scenario scenario, int caseIndex, int seed, double hours)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stride = scenario.PatientProbes ? ProbeStride : scenario.Floor == FloorKind.MonteCarlo ? MonteCarloStride : ReplayCheckStride;
        var replay = new ReplaySettings(Replays, stride);
        if (!scenario.FreshLines)
        {
            var simulation = new CallCenterSimulation(scenario, replay, FastRandom.Mix(seed, caseIndex));
            simulation.Run(WarmUp, ScoredSpan(scenario, hours));
            return simulation.Outcome;
        }

        var outcome = new CaseOutcome();
        var freshLines = Math.Max(1, (int)Math.Round(hours * scenario.HoursScale));
        for (var line = 0; line < freshLines; line++)
        {
            var simulation = new CallCenterSimulation(scenario, replay, FastRandom.Mix(seed, caseIndex, line));
            simulation.Run(TimeSpan.Zero, FreshLineSpan);
            outcome.Merge(simulation.Outcome);
        }

        return outcome;
    }

    /// <summary>Scored time: whole days for a daily cycle, whole on-off cycles for staffing swings.</summary>
    public static TimeSpan ScoredSpan(Scenario scenario, double hours)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var span = TimeSpan.FromHours(hours * scenario.HoursScale);
        var cycle = scenario.Lines.Any(l => l.DailySwing > 0) ? TimeSpan.FromDays(1)
            : scenario.Swing is { } swing ? 2 * swing.Period
            : TimeSpan.Zero;
        return cycle > TimeSpan.Zero ? cycle * Math.Max(1, Math.Round(span / cycle)) : span;
    }
}
