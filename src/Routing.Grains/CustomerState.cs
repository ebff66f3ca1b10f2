namespace Routing.Grains;

/// <summary>
/// What a customer grain persists: its profile and history. Its open contacts are entries of their own (state name
/// <see cref="CustomerGrain.OpenContactEntries"/>), so a contact starting or ending never rewrites the others.
/// </summary>
public sealed class CustomerState
{
    public CustomerProfile? Profile { get; set; }

    /// <summary>Only in rows written before open contacts moved to entries: moved to them when the customer activates.</summary>
    public List<string>? InProgress { get; set; }

    /// <summary>Newest first, bounded by <see cref="RoutingGrainOptions.CustomerHistoryLength"/>.</summary>
    public List<CustomerContactRecord> History { get; set; } = [];
}
