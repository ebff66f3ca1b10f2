namespace Routing.Core;

/// <summary>Contact priority bounds: higher is served first.</summary>
public static class ContactPriority
{
    public const int Min = 0;
    public const int Max = 100;
    public const int Default = 10;

    public static bool IsValid(int priority) => priority is >= Min and <= Max;
}
