namespace Routing.Bench;

/// <summary>One minute of the soak: contacts completed since it began, the process's RSS and live managed heap (after a full collection), the minute's route p99 (ms), the silo's grain activations.</summary>
internal sealed record SoakSample(int Minute, TimeSpan Elapsed, long Completed, long WorkingSet, long Heap, double RouteP99, int Activations);
