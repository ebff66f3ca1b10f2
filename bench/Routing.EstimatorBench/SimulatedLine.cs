using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>A line (queue) in the simulation: the core's waiting list, the router's estimation and the history estimators.</summary>
public sealed class SimulatedLine(LineSpec spec, int index, WaitPriors priors)
{
    // Default priority everywhere: a bound this long keeps aging from reordering anything.
    private static readonly AgingPolicy NoStarvation = new(TimeSpan.FromDays(365));

    public LineSpec Spec { get; } = spec;

    public int Index { get; } = index;

    public List<SimulatedAgent> Members { get; } = [];

    public IReadOnlyList<SkillRequirement> Requirements { get; } = [new SkillRequirement(spec.Skill, 1)];

    public WaitingList Waiting { get; } = new(NoStarvation);

    public Dictionary<string, SimulatedContact> Contacts { get; } = new(StringComparer.Ordinal);

    public RouterLine Router { get; } = new(priors);

    public LineHistory History { get; } = new();

    /// <summary>Agents on shift (logged in available) able to serve the line, busy or not: the floor's s, the router's servers.</summary>
    public int OnShift => Members.Count(m => m.OnShift);

    /// <summary>What the router counts of them, as the queue grain does: dedicated, and shared (1/k each).</summary>
    public StaffedCapacity Staffing { get; private set; } = StaffedCapacity.None;

    /// <summary>After a shift change: the router's view of the staffing, from the core's own split.</summary>
    public void RefreshStaffing() => Staffing = StaffedCapacity.Of(Members.Where(m => m.OnShift).Select(m => m.AsMember()), Channel.Voice);
}
