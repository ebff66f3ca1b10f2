namespace Routing.EstimatorBench;

/// <summary>Agents with the same skills: they serve every line whose skill they have.</summary>
public sealed record AgentGroupSpec(string Name, int Count, IReadOnlyList<string> Skills);
