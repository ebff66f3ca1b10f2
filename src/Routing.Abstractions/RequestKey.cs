namespace Routing.Abstractions;

/// <summary>
/// A client's id for one request and a fingerprint of what it asked: the same id with the same fingerprint is a
/// retry (answered as the first time), with another fingerprint a reuse (refused).
/// </summary>
[GenerateSerializer, Immutable, Alias("routing.request-key")]
public sealed record RequestKey([property: Id(0)] string RequestId, [property: Id(1)] string Fingerprint);
