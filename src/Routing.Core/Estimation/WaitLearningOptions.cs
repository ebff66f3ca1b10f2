namespace Routing.Core;

/// <summary>How fast a line's learned figures follow change, and how much the configured priors weigh.</summary>
/// <param name="HalfLife">The share a line gets of the agents it shares with other queues: observations this old
/// weigh half as much. It follows how shared agents divide their time through the day; shorter, its few answers per
/// line length make it noisy (at 30 minutes the two-skill bench is 0.007 further from its floor, 0.8 points more biased).</param>
/// <param name="TraitHalfLife">The per-agent service rate and the customers' patience: traits of the people, stable
/// over hours, so they average longer (staffing changes need no fading: the learner sees the agents).</param>
/// <param name="RecentWaits">How many recent waits the moving-average baseline averages.</param>
/// <param name="PriorWeight">How many contacts' worth of evidence each prior counts as (handle time, patience, a
/// full share), so a few quick (or slow) first contacts do not swing the estimate while little is known.</param>
/// <param name="BacklogRefresh">While contacts wait the rates are those learned before the backlog began; a backlog
/// longer than this has them retaken this often, so a long one still follows a change of handle time.</param>
public sealed record WaitLearningOptions(TimeSpan HalfLife, TimeSpan TraitHalfLife, int RecentWaits, double PriorWeight, TimeSpan BacklogRefresh)
{
    public static WaitLearningOptions Default { get; } = new(TimeSpan.FromHours(2), TimeSpan.FromHours(2), 50, 10, TimeSpan.FromHours(1));
}
