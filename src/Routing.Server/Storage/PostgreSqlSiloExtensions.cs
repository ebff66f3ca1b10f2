using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Storage;

/// <summary>
/// Grain storage (<see cref="GroupCommitGrainStorage"/>) and cluster membership (Orleans' ADO.NET clustering) on
/// PostgreSQL, with the schema in <c>deploy/sql/postgresql</c>.
/// </summary>
public static class PostgreSqlSiloExtensions
{
    /// <summary>The name Orleans' ADO.NET clustering provider knows Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Adds the grain storage provider <paramref name="providerName"/> on PostgreSQL: the same batching storage and
    /// row layout as the embedded default, each batch one Npgsql batch.
    /// </summary>
    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder silo, string providerName, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.AddGroupCommitGrainStorage(
            providerName,
            "postgresql:" + connectionString,
            serviceId => new PostgreSqlGrainStateStore(connectionString, serviceId));
    }

    /// <summary>
    /// Keeps the cluster's membership table in PostgreSQL, so every silo started with the same connection string and
    /// cluster id joins one Orleans cluster.
    /// </summary>
    public static ISiloBuilder UsePostgreSqlClustering(this ISiloBuilder silo, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Applies <see cref="PostgreSqlSchema.Scripts"/> when the silo starts, before any provider reads them.</summary>
    public static ISiloBuilder AddPostgreSqlSchemaOnStart(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            services => new PostgreSqlSchemaOnStart(connectionString, services.GetRequiredService<ILogger<PostgreSqlSchemaOnStart>>()));
        return silo;
    }
}
