using Routing.Core;

namespace Routing.Abstractions;

/// <summary>One contact in a customer's history.</summary>
[GenerateSerializer, Immutable, Alias("routing.customer-contact-record")]
public sealed record CustomerContactRecord(
    [property: Id(0)] string ContactId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] string QueueId,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] ContactState Outcome,
    [property: Id(5)] TimeSpan Wait,
    [property: Id(6)] TimeSpan HandleTime,
    [property: Id(7)] DateTimeOffset EndedAt);
