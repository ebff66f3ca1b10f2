namespace Routing.Grains;

/// <summary>A contact in a queue as persisted: its ticket, arrival sequence and the agent holding its offer.</summary>
public sealed record QueuedContact(ContactTicket Ticket, long Sequence, string? OfferedTo);
