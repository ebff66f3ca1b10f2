using Routing.Core;

namespace Routing.Abstractions;

/// <summary>Whether an agent can be sent work: logged in or not, and the queues it serves.</summary>
[GenerateSerializer, Immutable, Alias("routing.agent-presence-view")]
public sealed record AgentPresenceView(
    [property: Id(0)] AgentPresence Presence,
    [property: Id(1)] IReadOnlyList<string> QueueIds);
