using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Routing.Grains.Tests;

/// <summary>
/// Grain entries for the test cluster, as Orleans' memory storage is for its grain states: one instance shared by
/// both silos, payloads kept as serialized text (so no grain holds a stored object), each entry versioned and
/// checked as the SQL stores check theirs. The SQL stores themselves pass the same contract in the server tests.
/// </summary>
internal sealed class MemoryGrainEntryStorage(IGrainStorageSerializer serializer) : IGrainEntryStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), ConcurrentDictionary<string, (BinaryData Payload, int Version)>> grains = new();

    public Task<IReadOnlyList<GrainEntry<T>>> ReadEntriesAsync<T>(string stateName, GrainId grainId)
    {
        IReadOnlyList<GrainEntry<T>> read = [.. Entries(stateName, grainId).Select(e => new GrainEntry<T>(e.Key, serializer.Deserialize<T>(e.Value.Payload)!, ETag(e.Value.Version)))];
        return Task.FromResult(read);
    }

    public Task<string> WriteEntryAsync<T>(string stateName, GrainId grainId, string entryKey, T value, string? etag)
    {
        var entries = Entries(stateName, grainId);
        var payload = serializer.Serialize(value);
        lock (entries)
        {
            var found = entries.TryGetValue(entryKey, out var stored);
            if (found != (etag is not null) || (found && ETag(stored.Version) != etag))
            {
                throw new InconsistentStateException($"entry {entryKey} of {stateName} {grainId} is not at ETag {etag ?? "(none)"}", storedEtag: found ? ETag(stored.Version) : null, currentEtag: etag);
            }

            var version = found ? stored.Version + 1 : 1;
            entries[entryKey] = (payload, version);
            return Task.FromResult(ETag(version));
        }
    }

    public Task DeleteEntryAsync(string stateName, GrainId grainId, string entryKey, string etag)
    {
        var entries = Entries(stateName, grainId);
        lock (entries)
        {
            if (!entries.TryGetValue(entryKey, out var stored) || ETag(stored.Version) != etag)
            {
                throw new InconsistentStateException($"entry {entryKey} of {stateName} {grainId} is not at ETag {etag}", storedEtag: null, currentEtag: etag);
            }

            entries.TryRemove(entryKey, out _);
            return Task.CompletedTask;
        }
    }

    private ConcurrentDictionary<string, (BinaryData Payload, int Version)> Entries(string stateName, GrainId grainId) =>
        grains.GetOrAdd((stateName, grainId), _ => new(StringComparer.Ordinal));

    private static string ETag(int version) => version.ToString(CultureInfo.InvariantCulture);
}
