namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// One read, write or clear of one grain's row, waiting in the <see cref="GroupCommitter"/> for the batch it goes
/// to the store in. The caller awaits <see cref="Completion"/>, which ends when that batch is committed (or failed).
/// </summary>
public sealed class GrainStateOperation
{
    // Asynchronous continuations: the committer's loop sets every result of a batch in turn and must not run the
    // awaiting grains' code inline.
    private readonly TaskCompletionSource<GrainStateResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the operation does.</summary>
    public required GrainStateOperationKind Kind { get; init; }

    /// <summary>The state's name, stored as the row's grain type.</summary>
    public required string StateName { get; init; }

    /// <summary>The grain's key as stored.</summary>
    public required string Key { get; init; }

    /// <summary>Entry operations: the entry's key among the grain's entries.</summary>
    public string? EntryKey { get; init; }

    /// <summary>Write: the new payload, as JSON.</summary>
    public string? Json { get; init; }

    /// <summary>Write, clear, delete: the version the row must still be at; <see langword="null"/> for a first write.</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>How many operations went to the store in this one's batch (set when the batch is sent).</summary>
    public int BatchSize { get; set; }

    /// <summary>Ends with the store's answer once the batch holding this operation is committed.</summary>
    public Task<GrainStateResult> Completion => completion.Task;

    /// <summary>Hands the caller the store's answer.</summary>
    public void Complete(GrainStateResult result) => completion.TrySetResult(result);

    /// <summary>Fails the caller's operation: its batch did not commit.</summary>
    public void Fail(Exception error) => completion.TrySetException(error);
}
