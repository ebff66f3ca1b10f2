namespace Routing.Server.Security;

/// <summary>The roles a token's <c>role</c> claims may name, and the claim that says which agent an agent is.</summary>
public static class ApiRoles
{
    /// <summary>Channel adapters (telephony/IVR, chat gateways, survey systems): route, watch and cancel contacts.</summary>
    public const string Adapter = "adapter";

    /// <summary>An agent's desktop: its own status, offers and contacts only (see <see cref="AgentIdClaim"/>).</summary>
    public const string Agent = "agent";

    /// <summary>Reads statistics, agents and customers; sets agents' status.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Changes the configuration: queues, agents, menus, customers.</summary>
    public const string Admin = "admin";

    public const string RoleClaim = "role";

    public const string AgentIdClaim = "agent_id";

    /// <summary>Who the caller is: what its limits are counted by and whose request ids it sends.</summary>
    public const string SubjectClaim = "sub";

    public static IReadOnlyList<string> All { get; } = [Adapter, Agent, Supervisor, Admin];
}
