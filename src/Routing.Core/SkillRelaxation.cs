namespace Routing.Core;

/// <summary>Applies a queue's relaxation steps to a contact's requirements according to how long it has waited.</summary>
public static class SkillRelaxation
{
    public static IReadOnlyList<SkillRequirement> Apply(
        IReadOnlyList<SkillRequirement> requirements, IReadOnlyList<RelaxationStep> steps, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0 || requirements.Count == 0)
        {
            return requirements;
        }

        var lowerBy = 0;
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps.Where(s => s.After <= waited))
        {
            lowerBy += step.LowerMinimumBy;
            dropped.UnionWith(step.DropSkills);
        }

        if (lowerBy == 0 && dropped.Count == 0)
        {
            return requirements;
        }

        return requirements
            .Where(r => !dropped.Contains(r.Skill))
            .Select(r => r with { MinLevel = Math.Max(Proficiency.Min, r.MinLevel - lowerBy) })
            .ToList();
    }

    /// <summary>
    /// Whether waiting longer can only open a contact to more agents: true unless a step raises the minimums (a
    /// negative lowering, which the server refuses), since later steps add to the lowering and to the skills dropped.
    /// </summary>
    public static bool OnlyWidens(IReadOnlyList<RelaxationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps)
        {
            if (step.LowerMinimumBy < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>When the next step after <paramref name="waited"/> takes effect, or null when none is left.</summary>
    public static TimeSpan? NextStepAfter(IReadOnlyList<RelaxationStep> steps, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(steps);
        TimeSpan? next = null;
        foreach (var step in steps)
        {
            if (step.After > waited && (next is null || step.After < next))
            {
                next = step.After;
            }
        }

        return next;
    }
}
