namespace Routing.Abstractions;

/// <summary>A customer: profile, contacts in progress and recent history, newest first.</summary>
/// <param name="InProgress">The earliest few open contacts; <paramref name="ContactsOpen"/> counts them all.</param>
/// <param name="Profile">Null until an operator or CRM sets one: a standard customer.</param>
[GenerateSerializer, Immutable, Alias("routing.customer-view")]
public sealed record CustomerView(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] IReadOnlyList<string> InProgress,
    [property: Id(2)] IReadOnlyList<CustomerContactRecord> History,
    [property: Id(3)] string? LastAgentId,
    [property: Id(4)] CustomerProfile? Profile,
    [property: Id(5)] int ContactsOpen = 0);
