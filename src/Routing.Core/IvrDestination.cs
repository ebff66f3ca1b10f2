namespace Routing.Core;

/// <summary>Where a caller's way through the menus ended: the route with the chosen language's skill added.</summary>
public sealed record IvrDestination(IvrRouteKind Kind, string QueueId, IReadOnlyList<SkillRequirement> RequiredSkills, int Priority, string? Language);
