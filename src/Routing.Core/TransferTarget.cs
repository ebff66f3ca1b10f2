namespace Routing.Core;

/// <summary>The agent a contact is transferred to, as the transfer checks need it.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Presence">Its presence now.</param>
/// <param name="QueueIds">The queues it serves.</param>
public sealed record TransferTarget(string AgentId, AgentPresence Presence, IReadOnlyCollection<string> QueueIds);
