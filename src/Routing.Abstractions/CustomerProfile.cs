using Routing.Core;

namespace Routing.Abstractions;

/// <summary>What an operator or CRM sets about a customer.</summary>
[GenerateSerializer, Immutable, Alias("routing.customer-profile")]
public sealed record CustomerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] CustomerTier Tier,
    [property: Id(2)] string? PreferredLanguage);
