using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A contact as a queue holds it and an agent is offered it.</summary>
[GenerateSerializer, Immutable, Alias("routing.contact-ticket")]
public sealed record ContactTicket(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string QueueId,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] string CustomerId,
    [property: Id(4)] int Priority,
    [property: Id(5)] IReadOnlyList<SkillRequirement> RequiredSkills,
    [property: Id(6)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(7)] DateTimeOffset ArrivedAt);
