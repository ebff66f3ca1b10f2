namespace Routing.Bench;

/// <summary>What one run on one store measured.</summary>
internal sealed record BenchResult(string Store, int Contacts, TimeSpan Routed, TimeSpan Handled, IReadOnlyDictionary<string, long> Writes)
{
    public double RoutedPerSecond => Contacts / Routed.TotalSeconds;

    public double HandledPerSecond => Contacts / Handled.TotalSeconds;

    public double WritesPerContact(string state) => (double)Writes.GetValueOrDefault(state) / Contacts;

    public double TotalWritesPerContact => (double)Writes.Values.Sum() / Contacts;

    public required Baselines Baselines { get; init; }

    /// <summary>Store round trips (committed batches) while the contacts were handled.</summary>
    public required long Batches { get; init; }

    /// <summary>Grain state operations committed while the contacts were handled.</summary>
    public required long Operations { get; init; }

    /// <summary>CPU of the whole process (server and load generator together) while the contacts were handled.</summary>
    public required TimeSpan ProcessCpu { get; init; }

    /// <summary>RouteContact as the caller sees it.</summary>
    public required Latencies RouteLatency { get; init; }

    /// <summary>From sending RouteContact to the offer on the agent's stream.</summary>
    public required Latencies OfferLatency { get; init; }

    /// <summary>The process's working set at the end of the run.</summary>
    public required long WorkingSet { get; init; }

    public double RoundTripsPerContact => (double)Batches / Contacts;

    public double OperationsPerBatch => Batches == 0 ? 0 : (double)Operations / Batches;

    public double CpuMillisecondsPerContact => ProcessCpu.TotalMilliseconds / Contacts;
}
