namespace Routing.Client;

/// <summary>How a client with several addresses chooses the server for a call (gRPC's client-side load balancing).</summary>
public enum LoadBalancingPolicy
{
    /// <summary>gRPC's <c>pick_first</c>: every call to the first address that connects, the next one when it dies.</summary>
    PickFirst,

    /// <summary>gRPC's <c>round_robin</c>: calls spread over every address that is up (servers of one cluster).</summary>
    RoundRobin,
}
