using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Routing.Abstractions;
using Routing.Server.Storage;

namespace Routing.Server.Tests.Storage;

/// <summary>
/// Starts a one-silo in-process cluster whose "routing" storage is SQLite on the given file. The
/// in-process cluster talks over an in-memory transport, so no TCP port is bound and test
/// assemblies running side by side cannot collide.
/// </summary>
public static class SqliteTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string databasePath, string serviceId, Action<ISiloBuilder>? configureSilo = null)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        // Rows are keyed by service id: a restarted cluster must reuse it to see its own state.
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorage(SqliteStorageFixture.ProviderName, databasePath);
            // The silo loads every grain assembly this test project references, and Orleans checks at
            // start that each of their message types has a codec: the routing core's need this.
            silo.Services.AddSerializer(serializer => serializer.AddRoutingCoreTypes());
            configureSilo?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddRoutingCoreTypes()));

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }
}
