namespace Routing.Abstractions;

/// <summary>What RouteContact answers: offered to an agent, queued with place and estimate, or refused.</summary>
/// <param name="CallbackOffered">Refused because the line is full, but a route with a callback number would be taken.</param>
[GenerateSerializer, Immutable, Alias("routing.route-decision")]
public sealed record RouteDecision(
    [property: Id(0)] string ContactId,
    [property: Id(1)] ContactState State,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] int? Position,
    [property: Id(4)] TimeSpan? EstimatedWait,
    [property: Id(5)] string Reason,
    [property: Id(6)] bool CallbackOffered = false);
