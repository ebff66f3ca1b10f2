namespace Routing.Grains;

/// <summary>A contact in a queue as persisted: its ticket, arrival sequence and the agent holding its offer.</summary>
/// <param name="Predictions">Every estimator's prediction when it joined the line with no agent free; scored when
/// it is answered. Null for a contact offered on arrival.</param>
public sealed record QueuedContact(
    ContactTicket Ticket,
    long Sequence,
    string? OfferedTo,
    IReadOnlyDictionary<WaitEstimatorKind, TimeSpan?>? Predictions = null);
