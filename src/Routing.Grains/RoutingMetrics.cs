using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Routing.Grains;

/// <summary>
/// The router's own instruments, on the meter <see cref="MeterName"/>. Each silo reports what its own grains do:
/// the waiting gauges come from the queues active on this silo only, so summing over silos counts each queue once.
/// </summary>
public sealed class RoutingMetrics
{
    /// <summary>The meter's name, to subscribe to with OpenTelemetry or <c>dotnet-counters</c>.</summary>
    public const string MeterName = "Routing.Grains";

    private readonly ConcurrentDictionary<string, int> waiting = new(StringComparer.Ordinal);
    private readonly Counter<long> routed;
    private readonly Counter<long> offersMissed;
    private readonly Histogram<double> estimateError;

    public RoutingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        routed = meter.CreateCounter<long>("routing.contacts.routed", "{contact}", "Contacts routed, by channel and first decision (offered, queued, refused, ...).");
        offersMissed = meter.CreateCounter<long>("routing.offers.missed", "{offer}", "Offers that came back: expired (no answer in the offer timeout) or rejected by the agent.");
        estimateError = meter.CreateHistogram<double>(
            "routing.estimate.error",
            "s",
            "Actual wait minus the wait the queue's chosen estimator predicted when the contact joined, for answered contacts.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [-600, -300, -120, -60, -30, -10, -5, 0, 5, 10, 30, 60, 120, 300, 600] });
        meter.CreateObservableGauge("routing.queue.waiting", ObserveWaiting, "{contact}", "Contacts waiting in each queue active on this silo.");
    }

    /// <summary>A contact was routed: its first decision, once (a retried route is not counted again).</summary>
    public void Routed(Channel channel, ContactState decision) =>
        routed.Add(
            1,
            new KeyValuePair<string, object?>("channel", channel.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", decision.ToString().ToLowerInvariant()));

    /// <summary>An offer came back unanswered (<paramref name="expired"/>) or rejected.</summary>
    public void OfferMissed(bool expired) =>
        offersMissed.Add(1, new KeyValuePair<string, object?>("reason", expired ? "expired" : "rejected"));

    /// <summary>An answered contact waited <paramref name="actual"/> where <paramref name="predicted"/> was said.</summary>
    public void EstimateScored(string queueId, Channel channel, TimeSpan predicted, TimeSpan actual) =>
        estimateError.Record(
            (actual - predicted).TotalSeconds,
            new KeyValuePair<string, object?>("queue", queueId),
            new KeyValuePair<string, object?>("channel", channel.ToString().ToLowerInvariant()));

    /// <summary>The queue <paramref name="queueId"/>, active here, has <paramref name="count"/> contacts waiting.</summary>
    public void Waiting(string queueId, int count) => waiting[queueId] = count;

    /// <summary>The queue left this silo (deactivated): another silo reports it from now on.</summary>
    public void QueueLeft(string queueId) => waiting.TryRemove(queueId, out _);

    private IEnumerable<Measurement<int>> ObserveWaiting() =>
        waiting.Select(queue => new Measurement<int>(queue.Value, new KeyValuePair<string, object?>("queue", queue.Key)));
}
