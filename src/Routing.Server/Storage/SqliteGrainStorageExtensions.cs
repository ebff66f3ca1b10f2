using Microsoft.Data.Sqlite;
using Orleans.Configuration;
using Orleans.Storage;

namespace Routing.Server.Storage;

/// <summary>
/// Registers Orleans' own ADO.NET grain storage provider on an embedded SQLite file: the default
/// storage of a single-node deployment, with nothing to install.
/// </summary>
public static class SqliteGrainStorageExtensions
{
    // The invariant Orleans maps to Microsoft.Data.Sqlite's SqliteFactory. The package name
    // ("Microsoft.Data.Sqlite") is not a known invariant and fails at provider start.
    private const string SqliteInvariant = "System.Data.SQLite";

    // Seconds a command waits for a lock before failing. Microsoft.Data.Sqlite retries SQLITE_BUSY
    // within the command timeout, so this is the busy timeout of every provider connection too.
    private const int BusyTimeoutSeconds = 30;

    /// <summary>
    /// Adds the grain storage provider <paramref name="providerName"/>, persisting grain state as JSON
    /// in the SQLite file <paramref name="databasePath"/>. The file, its directory and the schema are
    /// created at silo start, before the provider initializes.
    /// </summary>
    /// <remarks>
    /// Grains get a <see cref="StringKeyGrainStorage"/> under <paramref name="providerName"/>; the
    /// ADO.NET provider behind it is registered under <see cref="StringKeyedAdoNetStorageExtensions.AdoNetProviderName"/>, which is also
    /// the name its <see cref="AdoNetGrainStorageOptions"/> are read under: change them through
    /// <paramref name="configureOptions"/>.
    /// </remarks>
    /// <param name="silo">The silo builder.</param>
    /// <param name="providerName">The storage name grains give in <c>[PersistentState(..., name)]</c>.</param>
    /// <param name="databasePath">The database file; a relative path is resolved against the current directory now.</param>
    /// <param name="configureOptions">Further settings of the ADO.NET provider (for example
    /// <see cref="AdoNetGrainStorageOptions.DeleteStateOnClear"/>), applied after the SQLite ones.</param>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder silo,
        string providerName,
        string databasePath,
        Action<AdoNetGrainStorageOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        var connectionString = new SqliteConnectionStringBuilder
        {
            // Resolved once so the schema step and the provider open the same file even if the
            // working directory changes in between.
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Private cache: SQLite discourages shared-cache mode, which trades busy waits for
            // table-level SQLITE_LOCKED errors; WAL already gives concurrent readers.
            Cache = SqliteCacheMode.Private,
            // The provider opens a connection per operation; pooling keeps the file open between them.
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SchemaCreator(providerName, connectionString));

        return silo.AddStringKeyedAdoNetGrainStorage(providerName, SqliteInvariant, connectionString, configureOptions);
    }

    // Runs the schema at RuntimeInitialize, well before the provider reads its statements from
    // OrleansQuery (AdoNetGrainStorageOptions.InitStage, ApplicationServices), and before the silo
    // joins the cluster: an unusable database path stops the silo at start, not at the first
    // grain activation.
    private sealed class SchemaCreator(string providerName, string connectionString) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(
                $"{nameof(SqliteSchema)}-{providerName}",
                ServiceLifecycleStage.RuntimeInitialize,
                ct => SqliteSchema.EnsureCreatedAsync(connectionString, ct));
    }
}
