namespace Routing.Core;

/// <summary>How fast a line's learned figures follow change, and how much the configured priors weigh.</summary>
/// <param name="HalfLife">The share a line gets of the agents it shares with other queues: observations this old
/// weigh half as much. Short enough to follow how shared agents divide their time through the day.</param>
/// <param name="TraitHalfLife">The per-agent service rate and the customers' patience: traits of the people, stable
/// over hours, so they average longer (staffing changes need no fading: the learner sees the agents).</param>
/// <param name="RecentWaits">How many recent waits the moving-average baseline averages.</param>
/// <param name="PriorWeight">How many contacts' worth of evidence each prior counts as (handle time, patience, a
/// full share), so a few quick (or slow) first contacts do not swing the estimate while little is known.</param>
public sealed record WaitLearningOptions(TimeSpan HalfLife, TimeSpan TraitHalfLife, int RecentWaits, double PriorWeight)
{
    public static WaitLearningOptions Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), 50, 10);
}
