using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Tests.Storage;

/// <summary>
/// A real store that can hold the next batch at a gate until the test opens it: whatever the test queues meanwhile
/// must wait for the batch after, which makes what goes into which batch deterministic. Records every batch.
/// </summary>
public sealed class GatedGrainStateStore(IGrainStateStore inner) : IGrainStateStore
{
    private readonly List<IReadOnlyList<GrainStateOperation>> batches = [];
    private TaskCompletionSource? arrived;
    private TaskCompletionSource? gate;

    /// <summary>The batches run so far, in order, as the operations they held.</summary>
    public IReadOnlyList<IReadOnlyList<GrainStateOperation>> Batches
    {
        get
        {
            lock (batches)
            {
                return [.. batches];
            }
        }
    }

    /// <summary>Holds the next batch at a gate; the task ends once that batch has arrived there.</summary>
    public Task HoldNextBatchAsync()
    {
        lock (batches)
        {
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return arrived.Task;
        }
    }

    /// <summary>Lets the held batch through.</summary>
    public void Open()
    {
        lock (batches)
        {
            gate?.TrySetResult();
        }
    }

    public async Task<IReadOnlyList<GrainStateResult>> ExecuteAsync(IReadOnlyList<GrainStateOperation> batch, CancellationToken cancellationToken)
    {
        Task held;
        lock (batches)
        {
            batches.Add([.. batch]);
            held = gate?.Task ?? Task.CompletedTask;
            arrived?.TrySetResult();
            arrived = null;
        }

        await held;
        return await inner.ExecuteAsync(batch, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
