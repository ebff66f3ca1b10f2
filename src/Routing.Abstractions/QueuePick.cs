using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A queue's best contact for an agent, with what the agent needs to reserve it before claiming.</summary>
[GenerateSerializer, Immutable, Alias("routing.queue-pick")]
public sealed record QueuePick(
    [property: Id(0)] ContactPick Pick,
    [property: Id(1)] ContactTicket Ticket,
    [property: Id(2)] TimeSpan OfferTimeout);
