namespace Routing.Core;

/// <summary>Where a menu choice sends the caller: a queue, with the skills, priority and language it implies.</summary>
public sealed record IvrRoute(string QueueId, IReadOnlyList<SkillRequirement> RequiredSkills, int Priority, string? Language);
