namespace Routing.Abstractions;

/// <summary>Names of the grain storage providers.</summary>
public static class StorageNames
{
    /// <summary>The store of agents, queues, contacts, customers and menus.</summary>
    public const string Routing = "routing";
}
