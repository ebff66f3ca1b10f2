using Routing.Core;

namespace Routing.Abstractions;

/// <summary>A contact as a queue holds it and an agent is offered it.</summary>
/// <param name="IvrPath">The menu choices that led here, so the agent need not ask again.</param>
/// <param name="CallbackNumber">Set for a callback: the customer is not on the line and is called back on this number.</param>
/// <param name="PreferredAgentId">The agent it waits for first (who served the customer last), until <paramref name="PreferredUntil"/>.</param>
[GenerateSerializer, Immutable, Alias("routing.contact-ticket")]
public sealed record ContactTicket(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string QueueId,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] string CustomerId,
    [property: Id(4)] int Priority,
    [property: Id(5)] IReadOnlyList<SkillRequirement> RequiredSkills,
    [property: Id(6)] IReadOnlyDictionary<string, string> Attributes,
    [property: Id(7)] DateTimeOffset ArrivedAt,
    [property: Id(8)] IReadOnlyList<IvrStep>? IvrPath = null,
    [property: Id(9)] string? CallbackNumber = null,
    [property: Id(10)] string? PreferredAgentId = null,
    [property: Id(11)] DateTimeOffset? PreferredUntil = null)
{
    public bool IsCallback => CallbackNumber is not null;
}
