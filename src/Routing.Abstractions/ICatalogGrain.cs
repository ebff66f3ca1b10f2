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
}
