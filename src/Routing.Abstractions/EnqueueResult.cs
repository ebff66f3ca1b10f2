namespace Routing.Abstractions;

/// <summary>A queue's answer to an arriving contact.</summary>
/// <param name="Candidates">Free, eligible agents in the order the queue's strategy would offer them the contact.</param>
/// <param name="Ticket">
/// The ticket the queue holds: the first one it was given for this contact, so a route retried after the contact's
/// record was lost keeps the arrival time its place in line was given by.
/// </param>
[GenerateSerializer, Immutable, Alias("routing.enqueue-result")]
public sealed record EnqueueResult(
    [property: Id(0)] Reply Reply,
    [property: Id(1)] int Position,
    [property: Id(2)] IReadOnlyList<string> Candidates,
    [property: Id(3)] IReadOnlyList<string> CandidateReasons,
    [property: Id(4)] ContactTicket? Ticket);
