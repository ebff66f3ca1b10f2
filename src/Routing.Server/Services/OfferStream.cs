namespace Routing.Server.Services;

/// <summary>One agent's open offer stream: where it writes, and what it has told the desktop so far.</summary>
internal sealed class OfferStream(string agentId, IServerStreamWriter<Proto.OfferEvent> writer, CancellationToken cancellation)
{
    public string AgentId { get; } = agentId;

    public IServerStreamWriter<Proto.OfferEvent> Writer { get; } = writer;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The agent's version last written; -1 before the first.</summary>
    public long Version { get; set; } = -1;

    /// <summary>The offers the desktop was told of and not yet told the end of, by contact id.</summary>
    public Dictionary<string, AssignmentView> Offered { get; } = new(StringComparer.Ordinal);
}
