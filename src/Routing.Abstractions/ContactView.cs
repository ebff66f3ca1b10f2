using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A contact as its channel adapter sees it; <see cref="Version"/> grows with every change.</summary>
/// <param name="AgentId">The agent it is offered to or connected with, if any.</param>
/// <param name="Reason">Why it is where it is: the agent-selection rule, the refusal, or why it still waits.</param>
/// <param name="OtherContactsInProgress">The same customer's other contacts open now, as the customer tells it: the earliest few.</param>
/// <param name="OtherContactsOpen">How many other contacts the customer has open, listed or not.</param>
[GenerateSerializer, Immutable, Alias("routing.contact-view")]
public sealed record ContactView(
    [property: Id(0)] ContactTicket Ticket,
    [property: Id(1)] ContactState State,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset? AnsweredAt,
    [property: Id(5)] DateTimeOffset? EndedAt,
    [property: Id(6)] IReadOnlyList<string> OtherContactsInProgress,
    [property: Id(7)] long Version,
    [property: Id(8)] CustomerFeedback? Feedback = null,
    [property: Id(9)] int Transfers = 0,
    [property: Id(10)] int OtherContactsOpen = 0)
{
    public bool HasEnded => State is ContactState.Completed or ContactState.Abandoned or ContactState.Refused;
}
