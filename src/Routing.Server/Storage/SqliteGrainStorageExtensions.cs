using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Providers;
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
    /// ADO.NET provider behind it is registered under <see cref="AdoNetProviderName"/>, which is also
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

        var adoNetName = AdoNetProviderName(providerName);

        // System.Text.Json rows hold the state's own shape, no CLR type names, so renaming or moving
        // a state class does not orphan its rows. Orleans looks first for a serializer keyed by the
        // name of the provider's options (DefaultStorageProviderSerializerOptionsConfigurator), which
        // is the ADO.NET provider's own name; the silo-wide default is left alone.
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>(adoNetName);

        // Registered under its own name, the ADO.NET provider keeps the lifecycle participant Orleans
        // adds for it (it reads its statements from OrleansQuery at start); the decorator needs none.
        silo.AddAdoNetGrainStorage(adoNetName, options =>
        {
            options.Invariant = SqliteInvariant;
            options.ConnectionString = connectionString;
            configureOptions?.Invoke(options);
        });

        silo.Services.AddKeyedSingleton<IGrainStorage>(
            providerName,
            (services, _) => new StringKeyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(adoNetName)));

        // Orleans makes a provider named "Default" the unnamed IGrainStorage too (AddGrainStorage);
        // the ADO.NET one no longer carries that name, so the decorator must take its place.
        if (string.Equals(providerName, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StringComparison.Ordinal))
        {
            silo.Services.TryAddSingleton(services => services.GetRequiredKeyedService<IGrainStorage>(providerName));
        }

        return silo;
    }

    /// <summary>
    /// The name the ADO.NET provider behind the storage <paramref name="providerName"/> is registered
    /// and configured under.
    /// </summary>
    /// <param name="providerName">The storage name grains use.</param>
    public static string AdoNetProviderName(string providerName) => providerName + "-adonet";

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
