using Microsoft.Extensions.Options;

namespace Routing.Server.Security;

/// <summary>What the roles alone cannot say: an agent's token acts for that agent only.</summary>
public sealed class CallerChecks(IOptions<RoutingAuthOptions> auth)
{
    /// <summary>
    /// Refuses with PERMISSION_DENIED a caller whose only way into this method is the agent role, when its token's
    /// <c>agent_id</c> is not <paramref name="agentId"/>. Supervisors (where the method admits them) act for any agent.
    /// </summary>
    public void EnsureActsFor(ServerCallContext context, string agentId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!auth.Value.IsEnabled)
        {
            return;
        }

        var http = context.GetHttpContext();
        if (ApiAccess.RolesFor(http).Any(role => role != ApiRoles.Agent && http.User.IsInRole(role)))
        {
            return;
        }

        var own = http.User.FindFirst(ApiRoles.AgentIdClaim)?.Value;
        if (!string.Equals(own, agentId, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(
                StatusCode.PermissionDenied,
                own is null ? "an agent's token must name its agent (claim agent_id)" : $"the token is agent '{own}'s and cannot act for agent '{agentId}'"));
        }
    }
}
