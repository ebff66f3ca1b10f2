namespace Routing.Grains;

/// <summary>What a customer grain persists.</summary>
public sealed class CustomerState
{
    public CustomerProfile? Profile { get; set; }

    public List<string> InProgress { get; set; } = [];

    /// <summary>Newest first, bounded by <see cref="RoutingGrainOptions.CustomerHistoryLength"/>.</summary>
    public List<CustomerContactRecord> History { get; set; } = [];
}
