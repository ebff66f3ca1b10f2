using Routing.Core;

namespace Routing.Abstractions;

/// <summary>An agent as desktops and supervisors see it; <see cref="Version"/> grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("routing.agent-view")]
public sealed record AgentView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] AgentDefinition Definition,
    [property: Id(2)] AgentPresence Presence,
    [property: Id(3)] string NotReadyReason,
    [property: Id(4)] AgentActivity Activity,
    [property: Id(5)] IReadOnlyList<AssignmentView> Assignments,
    [property: Id(6)] DateTimeOffset IdleSince,
    [property: Id(7)] long Version,
    [property: Id(8)] double? AverageCsat = null,
    [property: Id(9)] long CsatResponses = 0);
