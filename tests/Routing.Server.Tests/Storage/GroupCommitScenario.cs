using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Tests.Storage;

/// <summary>
/// A <see cref="GroupCommitGrainStorage"/> on a real store behind a <see cref="GatedGrainStateStore"/>, the way the
/// silo builds it: the group commit tests of both stores run through this.
/// </summary>
public sealed class GroupCommitScenario : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public GroupCommitScenario(IGrainStateStore store)
    {
        services = new ServiceCollection().AddMetrics().AddSerializer().BuildServiceProvider();
        Store = new GatedGrainStateStore(store);
        Committer = new GroupCommitter(Store, maxBatchSize: 256, new GrainStorageMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<GroupCommitter>.Instance);
        var serializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services);
        Storage = new GroupCommitGrainStorage(
            Committer,
            serializer,
            new StoredRowReader(serializer, services.GetRequiredService<IOptions<SystemTextJsonGrainStorageSerializerOptions>>().Value.JsonSerializerOptions),
            services.GetRequiredService<IActivatorProvider>(),
            deleteStateOnClear: false);
    }

    public GatedGrainStateStore Store { get; }

    public GroupCommitter Committer { get; }

    public IGrainStorage Storage { get; }

    public static GrainId NewGrainId() => GrainId.Create("storage-probe", "probe-" + Guid.NewGuid().ToString("N"));

    /// <summary>Holds the store at its gate with one write in flight, so what follows queues for the next batch.</summary>
    public async Task HoldABatchAsync()
    {
        var held = Store.HoldNextBatchAsync();
        _ = Storage.WriteStateAsync(StorageProbeGrain.StateName, NewGrainId(), new GrainState<ProbeState>(new ProbeState("held", [])));
        await held.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task<GrainState<ProbeState>> ReadAsync(GrainId grainId)
    {
        var state = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StorageProbeGrain.StateName, grainId, state);
        return state;
    }

    public async ValueTask DisposeAsync()
    {
        Store.Open();
        await Committer.DisposeAsync();
        await services.DisposeAsync();
    }
}
