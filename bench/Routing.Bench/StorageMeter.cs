using System.Diagnostics.Metrics;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Bench;

/// <summary>
/// Listens to the in-process server's grain storage meter: batches (store round trips) and operations committed.
/// </summary>
internal sealed class StorageMeter : IDisposable
{
    private readonly MeterListener listener = new();
    private long batches;
    private long operations;

    public StorageMeter()
    {
        listener.InstrumentPublished = (instrument, self) =>
        {
            if (instrument.Meter.Name == GrainStorageMetrics.MeterName
                && instrument.Name is GrainStorageMetrics.BatchesName or GrainStorageMetrics.OperationsName)
            {
                self.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == GrainStorageMetrics.BatchesName)
            {
                Interlocked.Add(ref batches, value);
            }
            else
            {
                Interlocked.Add(ref operations, value);
            }
        });
        listener.Start();
    }

    /// <summary>Batches and operations committed so far.</summary>
    public (long Batches, long Operations) Read() => (Interlocked.Read(ref batches), Interlocked.Read(ref operations));

    public void Dispose() => listener.Dispose();
}
