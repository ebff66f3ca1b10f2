namespace Routing.Core;

/// <summary>A skill a contact needs, at a minimum proficiency.</summary>
public sealed record SkillRequirement(string Skill, int MinLevel)
{
    public override string ToString() => $"{Skill} >= {MinLevel}";
}
