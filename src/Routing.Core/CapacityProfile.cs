namespace Routing.Core;

/// <summary>An agent's capacity per channel, e.g. one exclusive call, or three chats and two emails at once.</summary>
public sealed record CapacityProfile(IReadOnlyDictionary<Channel, ChannelCapacity> Channels)
{
    public ChannelCapacity For(Channel channel) =>
        Channels.TryGetValue(channel, out var capacity) ? capacity : ChannelCapacity.None;

    /// <summary>Total units of work the agent can hold across channels; the denominator of occupancy.</summary>
    public int TotalUnits => Channels.Values.Sum(c => c.MaxConcurrent);

    public static CapacityProfile Of(params (Channel Channel, ChannelCapacity Capacity)[] channels) =>
        new(channels.ToDictionary(c => c.Channel, c => c.Capacity));
}
