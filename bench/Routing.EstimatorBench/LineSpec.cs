namespace Routing.EstimatorBench;

/// <summary>One line (queue) of a scenario: its arrivals, and the skill its contacts need.</summary>
/// <param name="ArrivalsPerSecond">Mean arrival rate over the day.</param>
/// <param name="DailySwing">Relative amplitude of the daily cycle of the arrival rate (0: stationary Poisson).</param>
public sealed record LineSpec(string LineId, string Skill, double ArrivalsPerSecond, double DailySwing = 0);
