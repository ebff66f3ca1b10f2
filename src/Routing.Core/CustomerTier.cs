namespace Routing.Core;

/// <summary>A customer's service tier: VIP contacts are served ahead of standard ones.</summary>
public enum CustomerTier
{
    Standard,
    Vip,
}
