using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A channel adapter asking for a contact to be routed.</summary>
/// <param name="RequiredSkills">Empty means the queue's default skills.</param>
[GenerateSerializer, Immutable, Alias("routing.route-request")]
public sealed record RouteRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string QueueId,
    [property: Id(4)] IReadOnlyList<SkillRequirement> RequiredSkills,
    [property: Id(5)] int Priority,
    [property: Id(6)] IReadOnlyDictionary<string, string> Attributes);
