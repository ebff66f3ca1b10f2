namespace Routing.EstimatorBench;

/// <summary>A target the run missed: what was measured, the limit, and the allowance the quick run adds.</summary>
public sealed record TargetMiss(string Case, string What, double Measured, double Limit, double Allowance);
