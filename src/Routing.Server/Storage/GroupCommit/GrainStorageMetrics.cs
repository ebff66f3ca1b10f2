using System.Diagnostics.Metrics;
using System.Text;
using Routing.Server.Telemetry;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// The grain storage's instruments, on the meter <see cref="MeterName"/>: how many batches (store round trips) and
/// operations it ran (by kind and state name) and how many payload bytes they wrote, and how long a batch took.
/// Operations per batch is what group commit buys; bytes per operation shows what a change costs to write.
/// </summary>
public sealed class GrainStorageMetrics
{
    /// <summary>The meter's name, to subscribe to with OpenTelemetry or <c>dotnet-counters</c>.</summary>
    public const string MeterName = "Routing.Storage";

    /// <summary>The counter of committed batches: one store round trip each.</summary>
    public const string BatchesName = "routing.storage.batches";

    /// <summary>The counter of committed operations, tagged by <c>kind</c> and <c>state</c> (the grain state's name).</summary>
    public const string OperationsName = "routing.storage.operations";

    /// <summary>The counter of payload bytes (UTF-8 JSON) committed writes carried, tagged by <c>state</c>.</summary>
    public const string BytesWrittenName = "routing.storage.bytes_written";

    private readonly Counter<long> batches;
    private readonly Counter<long> operations;
    private readonly Counter<long> bytesWritten;
    private readonly Counter<long> failedBatches;
    private readonly Histogram<double> batchDuration;
    private readonly Histogram<int> batchSize;

    public GrainStorageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        batches = meter.CreateCounter<long>(BatchesName, "{batch}", "Batches committed: one store round trip each.");
        operations = meter.CreateCounter<long>(OperationsName, "{operation}", "Grain state and entry reads, writes and deletes committed.");
        bytesWritten = meter.CreateCounter<long>(BytesWrittenName, "By", "Payload bytes the committed writes carried.");
        failedBatches = meter.CreateCounter<long>("routing.storage.failed_batches", "{batch}", "Batches the store failed; every caller in them got UNAVAILABLE.");
        batchDuration = meter.CreateHistogram<double>(
            "routing.storage.batch.duration",
            "s",
            "Time from sending a batch to its commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Seconds });
        batchSize = meter.CreateHistogram<int>(
            "routing.storage.batch.size",
            "{operation}",
            "Operations per committed batch: what group commit shares one round trip among.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
    }

    /// <summary>Counts a committed batch.</summary>
    public void Committed(IReadOnlyList<GrainStateOperation> batch, TimeSpan duration)
    {
        batches.Add(1);
        batchDuration.Record(duration.TotalSeconds);
        batchSize.Record(batch.Count);
        foreach (var operation in batch)
        {
            var state = new KeyValuePair<string, object?>("state", operation.StateName);
            operations.Add(1, new KeyValuePair<string, object?>("kind", operation.Kind.ToString()), state);
            if (operation.Json is { } json)
            {
                bytesWritten.Add(Encoding.UTF8.GetByteCount(json), state);
            }
        }
    }

    /// <summary>Counts a batch the store failed.</summary>
    public void Failed() => failedBatches.Add(1);
}
