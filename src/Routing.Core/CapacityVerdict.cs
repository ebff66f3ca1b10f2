namespace Routing.Core;

/// <summary>Why an agent can or cannot take one more contact of a channel.</summary>
public enum CapacityVerdict
{
    Free,

    /// <summary>The agent's profile has no capacity for the channel at all.</summary>
    ChannelNotHandled,

    /// <summary>The agent already holds as many contacts of the channel as the profile allows.</summary>
    AtChannelCapacity,

    /// <summary>The agent holds exclusive work (a call) that blocks everything else.</summary>
    BlockedByExclusiveWork,

    /// <summary>The channel is exclusive and the agent still holds other work.</summary>
    ExclusiveNeedsIdleAgent,
}
