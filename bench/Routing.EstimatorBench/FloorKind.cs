namespace Routing.EstimatorBench;

/// <summary>How a case's optimal floor is computed.</summary>
public enum FloorKind
{
    /// <summary>One line with dedicated agents: queue length with abandonment at the true rates is exact.</summary>
    Analytic,

    /// <summary>Lines sharing agents: the expected answer time given the whole state, by replaying the future.</summary>
    MonteCarlo,
}
