using Orleans.Storage;

namespace Routing.Grains.Tests;

/// <summary>The cluster's grain storage (states and entries), refusing the writes <see cref="StoreFaults"/> names.</summary>
internal sealed class FaultInjectingGrainStorage(IGrainStorage states, IGrainEntryStorage entries) : IGrainStorage, IGrainEntryStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        states.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        StoreFaults.TakeWriteFault(grainId, stateName)
            ? Task.FromException(Refused(grainId, stateName))
            : states.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        states.ClearStateAsync(stateName, grainId, grainState);

    public Task<IReadOnlyList<GrainEntry<T>>> ReadEntriesAsync<T>(string stateName, GrainId grainId) =>
        entries.ReadEntriesAsync<T>(stateName, grainId);

    public Task<string> WriteEntryAsync<T>(string stateName, GrainId grainId, string entryKey, T value, string? etag) =>
        StoreFaults.TakeWriteFault(grainId, stateName)
            ? Task.FromException<string>(Refused(grainId, stateName))
            : entries.WriteEntryAsync(stateName, grainId, entryKey, value, etag);

    public Task DeleteEntryAsync(string stateName, GrainId grainId, string entryKey, string etag) =>
        StoreFaults.TakeWriteFault(grainId, stateName)
            ? Task.FromException(Refused(grainId, stateName))
            : entries.DeleteEntryAsync(stateName, grainId, entryKey, etag);

    private static IOException Refused(GrainId grainId, string stateName) => new($"injected store fault: the write of {stateName} of {grainId} was refused");
}
