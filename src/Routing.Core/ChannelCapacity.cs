namespace Routing.Core;

/// <summary>How much work of one channel an agent may hold at once.</summary>
/// <param name="MaxConcurrent">0 means the agent does not take this channel.</param>
/// <param name="Exclusive">Work of this channel is taken only by an otherwise idle agent and blocks every other channel while held (a phone call).</param>
/// <param name="Interruptible">Deferrable work of this channel (email) does not keep an exclusive contact from being offered: the agent puts it aside for the call.</param>
public sealed record ChannelCapacity(int MaxConcurrent, bool Exclusive = false, bool Interruptible = false)
{
    public static ChannelCapacity None { get; } = new(0);
}
