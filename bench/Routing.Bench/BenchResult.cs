namespace Routing.Bench;

/// <summary>What one run on one store measured.</summary>
internal sealed record BenchResult(string Store, int Contacts, TimeSpan Routed, TimeSpan Handled)
{
    public double RoutedPerSecond => Contacts / Routed.TotalSeconds;

    public double HandledPerSecond => Contacts / Handled.TotalSeconds;

    public required Baselines Baselines { get; init; }

    /// <summary>What the store committed while the contacts were handled.</summary>
    public required StorageReading Storage { get; init; }

    /// <summary>CPU of the whole process (server and load generator together) while the contacts were handled.</summary>
    public required TimeSpan ProcessCpu { get; init; }

    /// <summary>RouteContact as the caller sees it.</summary>
    public required Latencies RouteLatency { get; init; }

    /// <summary>From sending RouteContact to the offer on the agent's stream, as the load generator sees it.</summary>
    public required Latencies OfferLatency { get; init; }

    /// <summary>From RouteContact arriving at the server to its offer written to the agent's stream (server side).</summary>
    public required Latencies DecisionLatency { get; init; }

    /// <summary>The process's working set at the end of the lives.</summary>
    public required long WorkingSet { get; init; }

    /// <summary>Agents created, put available and given an open offer stream, per second, as many at once as there are callers.</summary>
    public required double AgentsCreatedPerSecond { get; init; }

    /// <summary>What the scenarios after the lives measured, if asked for.</summary>
    public required ScenarioFigures Scenarios { get; init; }

    /// <summary>What the overload scenario measured, if asked for.</summary>
    public required OverloadFigures? Overload { get; init; }

    public required SoakFigures? Soak { get; init; }

    public double RoundTripsPerContact => (double)Storage.Batches / Contacts;

    public double OperationsPerBatch => Storage.Batches == 0 ? 0 : (double)Storage.Operations / Storage.Batches;

    public double CpuMillisecondsPerContact => ProcessCpu.TotalMilliseconds / Contacts;

    public double WritesPerContact(string state) => (double)Storage.Writes.GetValueOrDefault(state) / Contacts;

    public double TotalWritesPerContact => (double)Storage.Writes.Values.Sum() / Contacts;

    public double BytesPerContact => (double)Storage.Bytes.Values.Sum() / Contacts;
}
