namespace Routing.Server.Telemetry;

/// <summary>
/// Histogram buckets for latencies in seconds, from half a millisecond to ten seconds: OpenTelemetry's defaults are
/// sized for milliseconds and would put every store round trip and routing decision in the first bucket.
/// </summary>
public static class LatencyBuckets
{
    public static readonly IReadOnlyList<double> Seconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
}
