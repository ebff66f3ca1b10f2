using Routing.Core;

namespace Routing.Abstractions;

/// <summary>One contact in a customer's history.</summary>
/// <param name="IvrPath">The menu choices that led to it, if it came through the IVR.</param>
/// <param name="Satisfaction">The customer's CSAT (1-5) for it, once given.</param>
[GenerateSerializer, Immutable, Alias("routing.customer-contact-record")]
public sealed record CustomerContactRecord(
    [property: Id(0)] string ContactId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] string QueueId,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] ContactState Outcome,
    [property: Id(5)] TimeSpan Wait,
    [property: Id(6)] TimeSpan HandleTime,
    [property: Id(7)] DateTimeOffset EndedAt,
    [property: Id(8)] IReadOnlyList<IvrStep>? IvrPath = null,
    [property: Id(9)] int? Satisfaction = null);
