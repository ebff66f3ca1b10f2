using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Routing.Server.Telemetry;

/// <summary>
/// The server-side decision latency, on the meter <see cref="MeterName"/>: from a RouteContact arriving to that
/// contact's offer written to the agent's offer stream, for contacts offered on arrival. A contact that waits is
/// not timed: its offer comes when an agent frees capacity, which is its wait, not the router's decision.
/// </summary>
/// <remarks>
/// Timed here because the two ends are different gRPC calls (the adapter's RouteContact, the desktop's
/// WatchOffers) that only meet by contact id; OpenTelemetry's ASP.NET Core instruments time each call alone.
/// </remarks>
public sealed class DecisionTimings
{
    /// <summary>The meter's name, to subscribe to with OpenTelemetry or <c>dotnet-counters</c>.</summary>
    public const string MeterName = "Routing.Server";

    /// <summary>The histogram of decision latencies, in seconds.</summary>
    public const string DecisionDurationName = "routing.decision.duration";

    // An offered contact whose stream is on another silo never reaches OfferWritten here: past this many tracked
    // contacts, those older than StaleAfter are dropped, so the map stays bounded.
    private const int SweepAbove = 10_000;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, long> started = new(StringComparer.Ordinal);
    private readonly Histogram<double> decisions;

    public DecisionTimings(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        decisions = meterFactory.Create(MeterName).CreateHistogram<double>(
            DecisionDurationName,
            "s",
            "From a RouteContact arriving to its offer written to the agent's offer stream, for contacts offered on arrival.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Seconds });
    }

    /// <summary>A RouteContact for <paramref name="contactId"/> arrived.</summary>
    public void Received(string contactId)
    {
        if (started.Count > SweepAbove)
        {
            foreach (var (id, at) in started)
            {
                if (Stopwatch.GetElapsedTime(at) > StaleAfter)
                {
                    started.TryRemove(id, out _);
                }
            }
        }

        started.TryAdd(contactId, Stopwatch.GetTimestamp());
    }

    /// <summary>The RouteContact was answered: unless it was offered, no offer of this decision will follow.</summary>
    public void Answered(string contactId, bool offered)
    {
        if (!offered)
        {
            started.TryRemove(contactId, out _);
        }
    }

    /// <summary>The contact's offer was written to an agent's stream.</summary>
    public void OfferWritten(string contactId)
    {
        if (started.TryRemove(contactId, out var at))
        {
            decisions.Record(Stopwatch.GetElapsedTime(at).TotalSeconds);
        }
    }
}
