namespace Routing.Grains;

/// <summary>What an agent grain persists: its configuration, presence and the work it holds.</summary>
public sealed class AgentState
{
    public AgentDefinition? Definition { get; set; }

    public AgentPresence Presence { get; set; } = AgentPresence.LoggedOut;

    public string NotReadyReason { get; set; } = string.Empty;

    public List<Assignment> Assignments { get; set; } = [];

    /// <summary>What the desktop shows for each held contact, as the queue gave it at the claim.</summary>
    public Dictionary<string, ContactTicket> Tickets { get; set; } = [];

    public DateTimeOffset IdleSince { get; set; }

    public long Version { get; set; }

    public SatisfactionTally Satisfaction { get; set; } = new();

    /// <summary>The last requests carried out, oldest first, at most <see cref="RoutingGrainOptions.RequestsRemembered"/>.</summary>
    public List<RecentRequest> RecentRequests { get; set; } = [];

    /// <summary>Transfers decided but not yet carried out everywhere: finished on activation after a crash.</summary>
    public Dictionary<string, ContactTicket> PendingTransfers { get; set; } = [];
}
