namespace Routing.Core;

/// <summary>Where a menu choice sends the caller: a queue, with the skills, priority and language it implies.</summary>
/// <param name="Kind">Wait in line, or take the callback or leave-a-message action in that queue.</param>
public sealed record IvrRoute(string QueueId, IReadOnlyList<SkillRequirement> RequiredSkills, int Priority, string? Language, IvrRouteKind Kind = IvrRouteKind.Queue);
