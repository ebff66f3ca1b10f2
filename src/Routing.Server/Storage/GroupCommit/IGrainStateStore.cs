namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// A database that runs a batch of grain state operations in one transaction and one round trip. Each operation's
/// version check is its own: an operation whose row moved on gets <see cref="GrainStateResult.NotMatched"/> and the
/// others still commit. A failure of the database itself throws, and then nothing of the batch is committed.
/// </summary>
public interface IGrainStateStore : IAsyncDisposable
{
    /// <summary>Runs <paramref name="batch"/> in order and completes each operation with its result.</summary>
    /// <returns>Only once the transaction is committed; results are handed out after that.</returns>
    Task<IReadOnlyList<GrainStateResult>> ExecuteAsync(IReadOnlyList<GrainStateOperation> batch, CancellationToken cancellationToken);
}
