namespace Routing.Core;

/// <summary>Skill matching: an agent is eligible when it meets every required skill at its minimum level.</summary>
public static class Eligibility
{
    public static bool IsEligible(IReadOnlyDictionary<string, int> skills, IEnumerable<SkillRequirement> requirements) =>
        FirstUnmet(skills, requirements) is null;

    public static SkillRequirement? FirstUnmet(IReadOnlyDictionary<string, int> skills, IEnumerable<SkillRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(requirements);
        foreach (var requirement in requirements)
        {
            if (!skills.TryGetValue(requirement.Skill, out var level) || level < requirement.MinLevel)
            {
                return requirement;
            }
        }

        return null;
    }

    /// <summary>Sum of the agent's proficiency over the required skills: how well it fits this contact.</summary>
    public static int FitScore(IReadOnlyDictionary<string, int> skills, IEnumerable<SkillRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(requirements);
        return requirements.Sum(r => skills.TryGetValue(r.Skill, out var level) ? level : 0);
    }
}
