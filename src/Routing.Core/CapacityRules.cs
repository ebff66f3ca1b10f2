namespace Routing.Core;

/// <summary>The capacity rule every routing decision goes through.</summary>
public static class CapacityRules
{
    public static CapacityVerdict Check(CapacityProfile profile, IReadOnlyCollection<Channel> held, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(held);
        var capacity = profile.For(channel);
        if (capacity.MaxConcurrent <= 0)
        {
            return CapacityVerdict.ChannelNotHandled;
        }

        if (held.Any(h => profile.For(h).Exclusive))
        {
            return CapacityVerdict.BlockedByExclusiveWork;
        }

        if (capacity.Exclusive && held.Any(h => !profile.For(h).Interruptible))
        {
            return CapacityVerdict.ExclusiveNeedsIdleAgent;
        }

        return held.Count(h => h == channel) >= capacity.MaxConcurrent
            ? CapacityVerdict.AtChannelCapacity
            : CapacityVerdict.Free;
    }

    /// <summary>
    /// Share of the agent's total units in use, 0 to 1; exclusive work counts as full. Units of every channel count
    /// in the total, so a blended agent holding 3 chats of (1 voice + 3 chats) is at 75%: it still has a channel in
    /// reserve in principle, and least-occupied ranks it after an agent with less work.
    /// </summary>
    public static double Occupancy(CapacityProfile profile, IReadOnlyCollection<Channel> held)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(held);
        if (held.Any(h => profile.For(h).Exclusive))
        {
            return 1.0;
        }

        var total = profile.TotalUnits;
        return total == 0 ? 1.0 : Math.Min(1.0, (double)held.Count / total);
    }
}
