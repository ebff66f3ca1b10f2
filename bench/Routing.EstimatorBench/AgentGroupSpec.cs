namespace Routing.EstimatorBench;

/// <summary>Agents with the same skills: they serve every line whose skill they have.</summary>
/// <param name="PartTime">On shift only every other period of the scenario's <see cref="StaffingSwing"/>.</param>
public sealed record AgentGroupSpec(string Name, int Count, IReadOnlyList<string> Skills, bool PartTime = false);
