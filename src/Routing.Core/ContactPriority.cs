namespace Routing.Core;

/// <summary>Contact priority bounds: higher is served first.</summary>
public static class ContactPriority
{
    public const int Min = 0;
    public const int Max = 100;
    public const int Default = 10;

    public static bool IsValid(int priority) => priority is >= Min and <= Max;

    /// <summary>The priority a contact is served at: a VIP's is raised by <paramref name="vipBoost"/>, up to <see cref="Max"/>.</summary>
    public static int ForTier(int priority, CustomerTier tier, int vipBoost) =>
        tier == CustomerTier.Vip ? Math.Clamp(priority + vipBoost, Min, Max) : priority;
}
