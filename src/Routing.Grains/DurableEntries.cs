namespace Routing.Grains;

/// <summary>
/// A grain's entries of one name as it holds them in memory: read on activation, and each change written alone
/// (<see cref="IGrainEntryStorage"/>), so what is written per change does not grow with how many there are. Memory
/// changes only after its write lands; a failed write drops the activation, as a failed state write does.
/// </summary>
internal sealed class DurableEntries<T>(IGrainEntryStorage storage, string stateName, Grain grain)
    where T : class
{
    private readonly Dictionary<string, (T Value, string ETag)> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    public IEnumerable<T> Values => entries.Values.Select(e => e.Value);

    public IEnumerable<(string Key, T Value)> Items => entries.Select(e => (e.Key, e.Value.Value));

    public T? Get(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public async Task LoadAsync()
    {
        entries.Clear();
        foreach (var entry in await storage.ReadEntriesAsync<T>(stateName, grain.GetGrainId()))
        {
            entries[entry.Key] = (entry.Value, entry.ETag);
        }
    }

    /// <summary>Adds the entry or replaces it, durably.</summary>
    public async Task SetAsync(string key, T value)
    {
        string etag;
        try
        {
            etag = await storage.WriteEntryAsync(stateName, grain.GetGrainId(), key, value, entries.TryGetValue(key, out var known) ? known.ETag : null);
        }
        catch (Exception ex)
        {
            throw DurableStateExtensions.Dropped(grain, "write", ex);
        }

        entries[key] = (value, etag);
    }

    /// <summary>Removes the entry durably; an entry it does not hold is nothing to remove.</summary>
    public async Task RemoveAsync(string key)
    {
        if (!entries.TryGetValue(key, out var known))
        {
            return;
        }

        try
        {
            await storage.DeleteEntryAsync(stateName, grain.GetGrainId(), key, known.ETag);
        }
        catch (Exception ex)
        {
            throw DurableStateExtensions.Dropped(grain, "delete", ex);
        }

        entries.Remove(key);
    }
}
