using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>A line (queue) in the simulation: the core's waiting list, learner and estimator choice.</summary>
public sealed class SimulatedLine(LineSpec spec, IReadOnlyList<SimulatedAgent> members)
{
    private static readonly AgingPolicy NoStarvation = new(TimeSpan.FromDays(365));

    public LineSpec Spec { get; } = spec;

    public IReadOnlyList<SimulatedAgent> Members { get; } = members;

    public IReadOnlyList<SkillRequirement> Requirements { get; } = [new SkillRequirement(spec.Skill, 1)];

    public WaitingList Waiting { get; } = new(NoStarvation);

    public LineWaitLearner Learner { get; } = new();

    public EstimatorSelector Selector { get; } = new();
}
