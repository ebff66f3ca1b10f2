namespace Routing.Abstractions;

/// <summary>A contact a queue reserved for an agent, and how long the agent has to accept it.</summary>
[GenerateSerializer, Immutable, Alias("routing.claim-result")]
public sealed record ClaimResult(
    [property: Id(0)] ContactTicket Ticket,
    [property: Id(1)] TimeSpan OfferTimeout,
    [property: Id(2)] string SelectionReason);
