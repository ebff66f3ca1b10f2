using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A channel adapter asking for a contact to be routed.</summary>
/// <param name="QueueId">Empty only with an <paramref name="IvrSessionId"/>, whose destination names the queue.</param>
/// <param name="RequiredSkills">Empty means the IVR destination's skills, else the queue's default skills.</param>
/// <param name="Priority">Null means the IVR destination's priority, else <see cref="ContactPriority.Default"/>.</param>
/// <param name="IvrSessionId">A menu session that reached a destination: its queue, skills, priority and language
/// fill what the request leaves empty, and its path is recorded on the contact.</param>
/// <param name="CallbackNumber">Route as a callback on this number instead of a caller waiting on the line.</param>
/// <param name="Fingerprint">What was asked, request id aside: a retry has the same, a reused id another.</param>
[GenerateSerializer, Immutable, Alias("routing.route-request")]
public sealed record RouteRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string QueueId,
    [property: Id(4)] IReadOnlyList<SkillRequirement> RequiredSkills,
    [property: Id(5)] int? Priority,
    [property: Id(6)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(7)] string? IvrSessionId = null,
    [property: Id(8)] string? CallbackNumber = null,
    [property: Id(9)] string? Fingerprint = null);
