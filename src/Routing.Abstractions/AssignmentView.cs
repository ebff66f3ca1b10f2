using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A contact an agent holds, with everything its desktop shows.</summary>
[GenerateSerializer, Immutable, Alias("routing.assignment-view")]
public sealed record AssignmentView(
    [property: Id(0)] ContactTicket Ticket,
    [property: Id(1)] AssignmentPhase Phase,
    [property: Id(2)] DateTimeOffset Since,
    [property: Id(3)] DateTimeOffset? Until);
