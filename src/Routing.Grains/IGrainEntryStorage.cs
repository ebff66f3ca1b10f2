namespace Routing.Grains;

/// <summary>
/// A grain's keyed entries, stored one row each beside its state: what a grain keeps many of (a queue's waiting
/// contacts) is written one entry per change, never as a whole collection, and read back together on activation.
/// Each entry has its own version (ETag), checked on every write and delete as Orleans checks a grain state's.
/// </summary>
/// <remarks>
/// Orleans' <c>IGrainStorage</c> keeps one row per grain state and cannot list rows, and Orleans.Journaling
/// (durable collections over an append-only log) is still an alpha whose API changes between builds; so this small
/// contract of our own, implemented by the same group-committed storage as the grain states.
/// </remarks>
public interface IGrainEntryStorage
{
    /// <summary>Every entry of <paramref name="stateName"/> of the grain, in no particular order.</summary>
    Task<IReadOnlyList<GrainEntry<T>>> ReadEntriesAsync<T>(string stateName, GrainId grainId);

    /// <summary>Inserts the entry (<paramref name="etag"/> null) or replaces it if it is still at <paramref name="etag"/>.</summary>
    /// <returns>The entry's new ETag.</returns>
    /// <exception cref="Orleans.Storage.InconsistentStateException">The entry is not at <paramref name="etag"/> (or exists, for an insert).</exception>
    Task<string> WriteEntryAsync<T>(string stateName, GrainId grainId, string entryKey, T value, string? etag);

    /// <summary>Removes the entry if it is still at <paramref name="etag"/>.</summary>
    /// <exception cref="Orleans.Storage.InconsistentStateException">The entry is gone or not at <paramref name="etag"/>.</exception>
    Task DeleteEntryAsync(string stateName, GrainId grainId, string entryKey, string etag);
}
