namespace Routing.Core;

/// <summary>Bounds of a skill proficiency, as contact-center admins rate agents.</summary>
public static class Proficiency
{
    public const int Min = 1;
    public const int Max = 10;

    public static bool IsValid(int level) => level is >= Min and <= Max;
}
