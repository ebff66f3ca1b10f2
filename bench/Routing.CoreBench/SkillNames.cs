using System.Globalization;

namespace Routing.CoreBench;

/// <summary>Skill names shared by the benchmarks' agents and contacts.</summary>
internal static class SkillNames
{
    public static string Of(int index) => "skill-" + index.ToString("D2", CultureInfo.InvariantCulture);
}
