namespace Routing.Grains;

/// <summary>What a contact grain persists.</summary>
public sealed class ContactRecord
{
    public ContactTicket? Ticket { get; set; }

    public ContactState State { get; set; }

    public string? AgentId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Only in rows written before contacts asked their customer for the others: never read.</summary>
    public List<string>? OtherContactsInProgress { get; set; }

    public RouteDecision? Decision { get; set; }

    /// <summary>The fingerprint of the route request that made the contact (see <see cref="RouteRequest.Fingerprint"/>).</summary>
    public string? RequestFingerprint { get; set; }

    public CustomerFeedback? Feedback { get; set; }

    /// <summary>The request that recorded <see cref="Feedback"/>: its retry is answered again, its id for other feedback refused.</summary>
    public RequestKey? FeedbackRequest { get; set; }

    /// <summary>The request that scheduled the callback (see <see cref="FeedbackRequest"/>).</summary>
    public RequestKey? CallbackRequest { get; set; }

    /// <summary>The request that cancelled the contact (see <see cref="FeedbackRequest"/>).</summary>
    public RequestKey? CancelRequest { get; set; }

    /// <summary>How often an agent passed it on to another queue or agent.</summary>
    public int Transfers { get; set; }

    /// <summary>The customer, queue and agent have counted <see cref="Feedback"/>; a retried record re-sends until then.</summary>
    public bool FeedbackPropagated { get; set; }

    public long Version { get; set; }
}
