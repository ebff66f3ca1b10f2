using System.Diagnostics;
using System.Threading.Channels;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// Group commit for one database: every grain state operation of the silo on that database joins one queue, and a
/// single loop sends what has queued up as one batch (one transaction, one round trip), waits for its commit, then
/// hands each caller its result. Operations that arrive while a batch is in flight go together in the next one, so
/// round trips per operation fall as load rises, and nobody waits for a timer.
/// </summary>
/// <remarks>
/// Our own, because neither Orleans' ADO.NET provider nor Npgsql or Microsoft.Data.Sqlite batch across callers:
/// each <c>WriteStateAsync</c> there is a connection, a transaction and a commit (an fsync) of its own. One loop
/// per database also makes the embedded SQLite file single-writer, so no connection ever waits on another's lock.
/// </remarks>
public sealed partial class GroupCommitter : IAsyncDisposable
{
    private readonly Channel<GrainStateOperation> queue =
        System.Threading.Channels.Channel.CreateUnbounded<GrainStateOperation>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IGrainStateStore store;
    private readonly int maxBatchSize;
    private readonly GrainStorageMetrics metrics;
    private readonly ILogger<GroupCommitter> logger;
    private readonly Task loop;

    public GroupCommitter(IGrainStateStore store, int maxBatchSize, GrainStorageMetrics metrics, ILogger<GroupCommitter> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        this.store = store;
        this.maxBatchSize = maxBatchSize;
        this.metrics = metrics;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="operation"/> for the next batch; the task ends when that batch commits.</summary>
    /// <exception cref="StoreUnavailableException">The batch failed, or the storage is shutting down.</exception>
    public Task<GrainStateResult> RunAsync(GrainStateOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var activity = StorageTracing.Start(operation);
        if (!queue.Writer.TryWrite(operation))
        {
            operation.Fail(new StoreUnavailableException($"the grain storage is shutting down; {operation.Kind} of {operation.StateName} {operation.Key} was not run"));
        }

        return activity is null ? operation.Completion : TracedAsync(operation, activity);
    }

    private static async Task<GrainStateResult> TracedAsync(GrainStateOperation operation, Activity activity)
    {
        using (activity)
        {
            try
            {
                return await operation.Completion;
            }
            catch (StoreUnavailableException ex)
            {
                activity.SetStatus(ActivityStatusCode.Error, ex.Message);
                throw;
            }
            finally
            {
                activity.SetTag("routing.storage.batch_size", operation.BatchSize);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        await store.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<GrainStateOperation>(maxBatchSize);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            foreach (var operation in batch)
            {
                operation.BatchSize = batch.Count;
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<GrainStateOperation> batch)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<GrainStateResult> results;
        try
        {
            results = await store.ExecuteAsync(batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing of the batch committed. Each caller gets its own exception (one instance thrown from many
            // awaits would collect all their stack traces); the store's own type stays here, as it need not be
            // known where the caller runs.
            metrics.Failed();
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var operation in batch)
            {
                operation.Fail(new StoreUnavailableException(
                    $"the store failed the {operation.Kind} of {operation.StateName} {operation.Key}: {ex.GetType().Name}: {ex.GetBaseException().Message}"));
            }

            return;
        }

        metrics.Committed(batch, Stopwatch.GetElapsedTime(started));
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Complete(results[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed a batch of {Count} grain state operations; their callers are told UNAVAILABLE")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
