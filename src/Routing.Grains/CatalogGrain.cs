namespace Routing.Grains;

/// <summary>Lists configured queues, agents and menus; admin and supervisor traffic only.</summary>
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Routing)] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    public async Task Add(CatalogKind kind, string id)
    {
        if (!state.State.Entries.TryGetValue(kind, out var ids))
        {
            ids = new SortedSet<string>(StringComparer.Ordinal);
            state.State.Entries[kind] = ids;
        }

        if (ids.Add(id))
        {
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public async Task Remove(CatalogKind kind, string id)
    {
        if (state.State.Entries.TryGetValue(kind, out var ids) && ids.Remove(id))
        {
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public Task<bool> WasWritten() => Task.FromResult(state.RecordExists);

    public Task<IReadOnlyList<string>> List(CatalogKind kind) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Entries.TryGetValue(kind, out var ids) ? [.. ids] : []);
}
