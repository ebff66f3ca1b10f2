using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Routing.Server.Storage;

namespace Routing.Server.Hosting;

/// <summary>Where the silo keeps grain state and how it finds the other silos, chosen by configuration.</summary>
public static class RoutingClusterExtensions
{
    public const string MembershipSection = "Routing:Membership";

    /// <summary>
    /// With <c>Routing:Storage:PostgreSql:ConnectionString</c> set: grain storage and ADO.NET clustering on that
    /// PostgreSQL database, the silo advertising <see cref="RoutingServerOptions.AdvertisedAddress"/> on
    /// <see cref="RoutingServerOptions.SiloPort"/> / <see cref="RoutingServerOptions.GatewayPort"/>, so several
    /// servers with one cluster id form one cluster. Otherwise the embedded default: one SQLite file and localhost
    /// clustering (a cluster of one).
    /// </summary>
    public static ISiloBuilder AddRoutingStorageAndClustering(this ISiloBuilder silo, IConfiguration configuration, RoutingServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(server);
        var postgres = configuration.GetSection(PostgreSqlStorageOptions.SectionName).Get<PostgreSqlStorageOptions>() ?? new PostgreSqlStorageOptions();
        if (!postgres.IsConfigured)
        {
            var sqlite = configuration.GetSection(SqliteStorageOptions.SectionName).Get<SqliteStorageOptions>() ?? new SqliteStorageOptions();
            silo.UseLocalhostClustering(server.SiloPort, server.GatewayPort, serviceId: server.ServiceId, clusterId: server.ClusterId);
            // Unresolvable only without a home directory; the options' validation names the setting to set.
            silo.AddSqliteGrainStorage(StorageNames.Routing, sqlite.ResolveDatabasePath() ?? SqliteStorageOptions.DefaultFileName);
            return silo;
        }

        var connectionString = postgres.ConnectionString!;
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = server.ClusterId;
            cluster.ServiceId = server.ServiceId;
        });

        // Bound lazily, after ValidateOnStart has checked the address, so a typo gets the options' message.
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<RoutingServerOptions>>((endpoints, options) =>
        {
            endpoints.AdvertisedIPAddress = IPAddress.Parse(options.Value.AdvertisedAddress);
            endpoints.SiloPort = options.Value.SiloPort;
            endpoints.GatewayPort = options.Value.GatewayPort;
        });

        if (postgres.ApplySchemaOnStart)
        {
            silo.AddPostgreSqlSchemaOnStart(connectionString);
        }

        // How fast a hung silo is declared dead, and how long a slow one is given (Orleans' ClusterMembershipOptions),
        // tunable per deployment. A vote against a silo is dropped while its connection carried a message within
        // MaxProbeTimeout x NumMissedProbesLimit, so that product, not the probes, sets the time to declare a hang:
        // docs/reliability.md says what each shipped setting trades.
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(MembershipSection)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<ClusterMembershipOptions>, MembershipOptionsValidator>();
        silo.UseSiloTls(server);
        silo.UsePostgreSqlClustering(connectionString);
        silo.AddPostgreSqlGrainStorage(StorageNames.Routing, connectionString);
        return silo;
    }
}
