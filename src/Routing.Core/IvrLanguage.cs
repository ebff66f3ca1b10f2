namespace Routing.Core;

/// <summary>A language a caller chose in a menu, and the skill an agent needs to speak it.</summary>
/// <param name="Code">e.g. "es"; becomes the contact's language attribute.</param>
/// <param name="Skill">Added to the required skills of every route taken after the choice.</param>
public sealed record IvrLanguage(string Code, SkillRequirement Skill);
