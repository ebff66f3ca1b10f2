namespace Routing.Abstractions;

/// <summary>
/// The list of configured queues, agents and menus, for listing and for waking them after a restart. Only admin
/// and supervisor calls touch it: it is never on the path of a routing decision.
/// </summary>
[Alias("routing.catalog")]
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>The single catalog's key.</summary>
    public const string Key = "catalog";

    [Alias("add")]
    Task Add(CatalogKind kind, string id);

    [Alias("remove")]
    Task Remove(CatalogKind kind, string id);

    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<string>> List(CatalogKind kind);

    /// <summary>
    /// Whether the catalog was ever written: false only in a store that never held a center (the seed may go there).
    /// A catalog whose row cannot be read throws <see cref="StoredStateUnreadableException"/> instead.
    /// </summary>
    [Alias("was-written"), ReadOnly]
    Task<bool> WasWritten();
}
