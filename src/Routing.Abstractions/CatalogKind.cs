namespace Routing.Abstractions;

/// <summary>The kinds of configured entities the catalog lists.</summary>
public enum CatalogKind
{
    Queue = 1,
    Agent = 2,
    IvrMenu = 3,
}
