namespace Routing.EstimatorBench;

/// <summary>A contact center to simulate: lines, agents, and exponential handle times and patience.</summary>
/// <param name="Servers">Agents able to serve (for the table).</param>
/// <param name="Load">Offered load per agent, lambda / (s·mu), over the day.</param>
/// <param name="IsMarkovian">Stationary M/M/s+M with one line: where the queue-length target applies.</param>
public sealed record Scenario(
    string Name,
    int Servers,
    double Load,
    bool IsMarkovian,
    IReadOnlyList<LineSpec> Lines,
    IReadOnlyList<AgentGroupSpec> Agents,
    TimeSpan MeanHandleTime,
    TimeSpan MeanPatience);
