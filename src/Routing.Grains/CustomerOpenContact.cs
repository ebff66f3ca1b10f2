namespace Routing.Grains;

/// <summary>One of a customer's open contacts, as persisted: an entry of its own, keyed by the contact id.</summary>
public sealed record CustomerOpenContact(DateTimeOffset StartedAt);
