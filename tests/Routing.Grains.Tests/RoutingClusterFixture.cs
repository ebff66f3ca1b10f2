using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using Routing.Abstractions;

namespace Routing.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster (two silos, so calls really cross silos) shared by every test of the collection;
/// tests isolate themselves by unique grain keys, never by starting clusters of their own. A collection that needs
/// other grain options (shorter timings) has a fixture of its own deriving from this one.
/// </summary>
public class RoutingClusterFixture : IAsyncLifetime
{
    private const string InnerStorage = "routing-memory";

    // One for both silos, as Orleans' memory storage is one for the cluster.
    private MemoryGrainEntryStorage? entries;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The grains' storage as a silo sees it, for tests that check what reached the store.</summary>
    public IGrainStorage Storage => Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Routing);

    /// <summary>The grains' entry storage as a silo sees it.</summary>
    public IGrainEntryStorage Entries => Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainEntryStorage>(StorageNames.Routing);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            // The grains' storage is Orleans' memory storage (and memory entries) behind a switch that can refuse chosen writes.
            // State goes through the server's serializer, so that grains activating again read back what they wrote.
            silo.Services.AddKeyedSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>(InnerStorage);
            silo.AddMemoryGrainStorage(InnerStorage);
            silo.Services.AddKeyedSingleton(
                StorageNames.Routing,
                (services, _) => new FaultInjectingGrainStorage(
                    services.GetRequiredKeyedService<IGrainStorage>(InnerStorage),
                    SharedEntries(services.GetRequiredKeyedService<IGrainStorageSerializer>(InnerStorage))));
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Routing, (services, key) => services.GetRequiredKeyedService<FaultInjectingGrainStorage>(key));
            silo.Services.AddKeyedSingleton<IGrainEntryStorage>(StorageNames.Routing, (services, key) => services.GetRequiredKeyedService<FaultInjectingGrainStorage>(key));
            silo.AddRoutingGrains();
            silo.Services.AddSerializer(serializer => serializer.AddRoutingCoreTypes());
            silo.Services.AddOptions<RoutingGrainOptions>().Configure(Configure);
            silo.Services.TryAddSingleton(TimeProvider.System);
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddRoutingCoreTypes()));

        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>The grain options of this cluster's silos; the defaults here.</summary>
    protected virtual void Configure(RoutingGrainOptions options)
    {
    }

    private MemoryGrainEntryStorage SharedEntries(IGrainStorageSerializer serializer)
    {
        Interlocked.CompareExchange(ref entries, new MemoryGrainEntryStorage(serializer), null);
        return entries;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
