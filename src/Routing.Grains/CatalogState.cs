namespace Routing.Grains;

/// <summary>What the catalog persists: the ids of configured entities by kind.</summary>
public sealed class CatalogState
{
    public Dictionary<CatalogKind, SortedSet<string>> Entries { get; set; } = [];
}
