namespace Routing.Core;

/// <summary>Exponentially weighted mean of durations (handle times), starting from a configured prior.</summary>
public sealed record RunningAverage(double Seconds, double Weight)
{
    public TimeSpan Value => TimeSpan.FromSeconds(Seconds);

    public RunningAverage Add(TimeSpan sample) => this with { Seconds = (Seconds * (1 - Weight)) + (sample.TotalSeconds * Weight) };
}
