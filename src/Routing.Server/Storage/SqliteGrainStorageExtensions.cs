using Microsoft.Data.Sqlite;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Storage;

/// <summary>
/// Registers the grain storage on an embedded SQLite file: the default storage of a single-node deployment, with
/// nothing to install.
/// </summary>
public static partial class SqliteGrainStorageExtensions
{
    // Seconds a statement waits for a lock held by another process on the file (a second silo, the sqlite3 CLI).
    // The silo's own writes never wait: they all go through one connection.
    private const int BusyTimeoutSeconds = 30;

    /// <summary>
    /// Adds the grain storage provider <paramref name="providerName"/>, persisting grain state as JSON in the SQLite
    /// file <paramref name="databasePath"/> through a <see cref="GroupCommitGrainStorage"/>. The file, its directory
    /// and the schema are created at silo start. Providers on the same file share its one writer and its batches.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="providerName">The storage name grains give in <c>[PersistentState(..., name)]</c>.</param>
    /// <param name="databasePath">The database file; a relative path is resolved against the current directory now.</param>
    /// <param name="deleteStateOnClear">Clearing a state removes its row instead of keeping it, emptied, with its version.</param>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder silo,
        string providerName,
        string databasePath,
        bool deleteStateOnClear = false)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        // Resolved once so the schema step and the store open the same file even if the working directory changes.
        var fullPath = Path.GetFullPath(databasePath);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Private cache: SQLite discourages shared-cache mode, which trades busy waits for table-level
            // SQLITE_LOCKED errors.
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new SchemaCreator(providerName, fullPath, connectionString, services.GetRequiredService<ILogger<SchemaCreator>>()));

        return silo.AddGroupCommitGrainStorage(
            providerName,
            "sqlite:" + fullPath,
            serviceId => new SqliteGrainStateStore(connectionString, serviceId),
            deleteStateOnClear);
    }

    // Runs the schema at RuntimeInitialize, before the silo joins the cluster and any grain activates:
    // an unusable database path stops the silo at start, not at the first grain activation.
    private sealed partial class SchemaCreator(string providerName, string path, string connectionString, ILogger<SchemaCreator> logger)
        : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(
                $"{nameof(SqliteSchema)}-{providerName}",
                ServiceLifecycleStage.RuntimeInitialize,
                async ct =>
                {
                    await SqliteSchema.EnsureCreatedAsync(connectionString, ct);
                    LogOpened(logger, providerName, path);
                });

        // Said at every start, so whoever runs the server knows which file holds its state.
        [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage '{Provider}' keeps its state in the SQLite file {Path}")]
        private static partial void LogOpened(ILogger logger, string provider, string path);
    }
}
