using Microsoft.Extensions.Options;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// The silo's committers, one per database: storage providers naming the same database share one, so their writes
/// share its batches (and an SQLite file keeps a single writer).
/// </summary>
public sealed class GroupCommitters(IOptions<GroupCommitOptions> options, GrainStorageMetrics metrics, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly Dictionary<string, GroupCommitter> committers = new(StringComparer.Ordinal);

    /// <summary>The committer for the database <paramref name="database"/>, created with its store on first use.</summary>
    /// <param name="database">What identifies the database (its file or connection string).</param>
    /// <param name="createStore">Opens the store when no committer exists for it yet.</param>
    public GroupCommitter For(string database, Func<IGrainStateStore> createStore)
    {
        lock (committers)
        {
            if (!committers.TryGetValue(database, out var committer))
            {
                committer = new GroupCommitter(createStore(), options.Value.MaxBatchSize, metrics, loggers.CreateLogger<GroupCommitter>());
                committers.Add(database, committer);
            }

            return committer;
        }
    }

    /// <summary>Lets every committer finish what it has queued, then closes its store.</summary>
    public async ValueTask DisposeAsync()
    {
        GroupCommitter[] all;
        lock (committers)
        {
            all = [.. committers.Values];
            committers.Clear();
        }

        foreach (var committer in all)
        {
            await committer.DisposeAsync();
        }
    }
}
