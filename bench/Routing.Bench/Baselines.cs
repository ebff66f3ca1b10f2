namespace Routing.Bench;

/// <summary>
/// What the same server and store do at the same concurrency, measured in the same run: a gRPC call refused before
/// any grain (the pipeline alone), a call that reads one grain, and the store's own single-row write loop.
/// </summary>
internal sealed record Baselines(double TrivialCallsPerSecond, double OneGrainCallsPerSecond, double RawWritesPerSecond)
{
    /// <summary>The mean of this measurement and <paramref name="other"/> (taken before and after the contacts).</summary>
    public Baselines Mean(Baselines other) => new(
        (TrivialCallsPerSecond + other.TrivialCallsPerSecond) / 2,
        (OneGrainCallsPerSecond + other.OneGrainCallsPerSecond) / 2,
        (RawWritesPerSecond + other.RawWritesPerSecond) / 2);
}
