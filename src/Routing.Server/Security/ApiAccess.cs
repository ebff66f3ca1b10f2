using Grpc.AspNetCore.Server;
using static Routing.Server.Security.ApiRoles;

namespace Routing.Server.Security;

/// <summary>
/// Which roles may call each method of the API, in one table, so that a reviewer reads the whole access policy in
/// one place. A method missing from it is refused to everyone.
/// </summary>
public static class ApiAccess
{
    /// <summary>The authorization policy every service is mapped with when authentication is on.</summary>
    public const string Policy = "routing-api";

    private static readonly Dictionary<string, string[]> RolesByMethod = new(StringComparer.Ordinal)
    {
        ["routing.v1.Routing/RouteContact"] = [Adapter],
        ["routing.v1.Routing/WatchContact"] = [Adapter, Supervisor],
        ["routing.v1.Routing/CancelContact"] = [Adapter],
        ["routing.v1.Routing/GetContact"] = [Adapter, Supervisor],
        ["routing.v1.Routing/GetQueueEstimate"] = [Adapter, Supervisor],
        ["routing.v1.Routing/NavigateIvr"] = [Adapter],
        ["routing.v1.Routing/RequestCallback"] = [Adapter],
        ["routing.v1.Feedback/RecordFeedback"] = [Adapter],
        ["routing.v1.Agents/SetStatus"] = [Agent, Supervisor],
        ["routing.v1.Agents/GetAgent"] = [Agent, Supervisor],
        ["routing.v1.Agents/WatchOffers"] = [Agent, Supervisor],
        ["routing.v1.Agents/AcceptOffer"] = [Agent],
        ["routing.v1.Agents/RejectOffer"] = [Agent],
        ["routing.v1.Agents/CompleteContact"] = [Agent],
        ["routing.v1.Agents/EndWrapUp"] = [Agent],
        ["routing.v1.Agents/TransferContact"] = [Agent],
        ["routing.v1.Supervisor/ListQueues"] = [Supervisor, Admin],
        ["routing.v1.Supervisor/GetQueueStats"] = [Supervisor, Admin],
        ["routing.v1.Supervisor/WatchQueueStats"] = [Supervisor, Admin],
        ["routing.v1.Admin/UpsertQueue"] = [Admin],
        ["routing.v1.Admin/GetQueue"] = [Admin, Supervisor],
        ["routing.v1.Admin/RemoveQueue"] = [Admin],
        ["routing.v1.Admin/UpsertAgent"] = [Admin],
        ["routing.v1.Admin/GetAgentConfig"] = [Admin, Supervisor],
        ["routing.v1.Admin/RemoveAgent"] = [Admin],
        ["routing.v1.Admin/ListAgents"] = [Admin, Supervisor],
        ["routing.v1.Admin/UpsertIvrMenu"] = [Admin],
        ["routing.v1.Admin/RemoveIvrMenu"] = [Admin],
        ["routing.v1.Admin/UpsertCustomer"] = [Admin],
        ["routing.v1.Admin/GetCustomer"] = [Admin, Supervisor],
    };

    /// <summary>The roles that may call the gRPC method <paramref name="request"/> is for; none when it is not listed or not gRPC.</summary>
    public static IReadOnlyList<string> RolesFor(HttpContext request) =>
        MethodOf(request) is { } method ? RolesFor(method.ServiceName, method.Name) : [];

    /// <summary>The gRPC method <paramref name="request"/> is for, from its endpoint; null for anything else.</summary>
    public static IMethod? MethodOf(HttpContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
    }

    /// <summary>The roles that may call <paramref name="service"/>/<paramref name="method"/>; none when it is not listed.</summary>
    public static IReadOnlyList<string> RolesFor(string service, string method) =>
        RolesByMethod.TryGetValue($"{service}/{method}", out var roles) ? roles : [];

    /// <summary>Every method the table names, as service/method.</summary>
    public static IReadOnlyCollection<string> Methods => RolesByMethod.Keys;
}
