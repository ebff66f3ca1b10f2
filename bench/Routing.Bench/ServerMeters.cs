using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Routing.Server.Storage.GroupCommit;
using Routing.Server.Telemetry;

namespace Routing.Bench;

/// <summary>
/// Listens to the in-process server's meters: the grain storage's batches (store round trips), operations and
/// payload bytes by grain state, and the server-side decision latency (RouteContact arriving → offer written to the
/// agent's stream) while <see cref="Decisions"/> is set.
/// </summary>
internal sealed class ServerMeters : IDisposable
{
    private static readonly HashSet<string> WriteKinds = ["Write", "Clear", "Delete", "WriteEntry", "DeleteEntry"];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> bytes = new(StringComparer.Ordinal);
    private long batches;
    private long operations;

    public ServerMeters()
    {
        listener.InstrumentPublished = (instrument, self) =>
        {
            if ((instrument.Meter.Name == GrainStorageMetrics.MeterName
                    && instrument.Name is GrainStorageMetrics.BatchesName or GrainStorageMetrics.OperationsName or GrainStorageMetrics.BytesWrittenName)
                || (instrument.Meter.Name == DecisionTimings.MeterName && instrument.Name == DecisionTimings.DecisionDurationName))
            {
                self.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            switch (instrument.Name)
            {
                case GrainStorageMetrics.BatchesName:
                    Interlocked.Add(ref batches, value);
                    break;
                case GrainStorageMetrics.OperationsName:
                    Interlocked.Add(ref operations, value);
                    if (WriteKinds.Contains(Tag(tags, "kind")))
                    {
                        writes.AddOrUpdate(Tag(tags, "state"), value, (_, n) => n + value);
                    }

                    break;
                default:
                    bytes.AddOrUpdate(Tag(tags, "state"), value, (_, n) => n + value);
                    break;
            }
        });
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => Decisions?.Add(TimeSpan.FromSeconds(seconds)));
        listener.Start();
    }

    /// <summary>Gets the server-side decision latencies while set.</summary>
    public Latencies? Decisions { get; set; }

    /// <summary>What the storage has committed so far.</summary>
    public StorageReading Read() => new(
        Interlocked.Read(ref batches),
        Interlocked.Read(ref operations),
        new Dictionary<string, long>(writes, StringComparer.Ordinal),
        new Dictionary<string, long>(bytes, StringComparer.Ordinal));

    public void Dispose() => listener.Dispose();

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string ?? string.Empty;
            }
        }

        return string.Empty;
    }
}
