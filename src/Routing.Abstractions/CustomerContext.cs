using Routing.Core;

namespace Routing.Abstractions;

/// <summary>What a customer tells a contact that starts: who the customer is to the router right now.</summary>
/// <param name="OtherContactsInProgress">The customer's other open contacts (calling twice): the earliest few.</param>
/// <param name="LastAgentId">The agent who last served the customer to the end, if any.</param>
/// <param name="LastServedAt">When that contact ended.</param>
/// <param name="OtherContactsOpen">How many other contacts the customer has open, listed or not.</param>
[GenerateSerializer, Immutable, Alias("routing.customer-context")]
public sealed record CustomerContext(
    [property: Id(0)] IReadOnlyList<string> OtherContactsInProgress,
    [property: Id(1)] CustomerTier Tier,
    [property: Id(2)] string? LastAgentId,
    [property: Id(3)] DateTimeOffset? LastServedAt,
    [property: Id(4)] int OtherContactsOpen = 0);
