using Orleans.Storage;

namespace Routing.Grains.Tests;

/// <summary>The cluster's real grain storage, refusing the writes <see cref="StoreFaults"/> names.</summary>
internal sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StoreFaults.TakeWriteFault(grainId, stateName)
            ? Task.FromException(new IOException($"injected store fault: the write of {grainId} was refused"))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
