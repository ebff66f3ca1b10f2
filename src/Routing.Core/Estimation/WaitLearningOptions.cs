namespace Routing.Core;

/// <summary>How fast a line's learned parameters follow change, and when they are trusted over the staffing prior.</summary>
/// <param name="HalfLife">Observations this old weigh half as much: long enough to average noise, short enough to follow the day.</param>
/// <param name="RecentWaits">How many recent waits the moving-average baseline averages.</param>
/// <param name="MinBacklogged">Backlogged time observed before the learned answer rate replaces staffing × service rate.</param>
/// <param name="MinAnswers">Answers from the line observed before the learned answer rate is trusted.</param>
/// <param name="PriorWeight">How many handled contacts the configured handle time counts as, so a few quick (or
/// slow) first contacts do not swing the estimate while little is known.</param>
public sealed record WaitLearningOptions(TimeSpan HalfLife, int RecentWaits, TimeSpan MinBacklogged, int MinAnswers, int PriorWeight = 5)
{
    public static WaitLearningOptions Default { get; } = new(TimeSpan.FromMinutes(30), 50, TimeSpan.FromMinutes(2), 20);
}
