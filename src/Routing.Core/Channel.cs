namespace Routing.Core;

/// <summary>The media a contact arrives on; each has its own capacity on an agent.</summary>
public enum Channel
{
    /// <summary>Real-time phone call; usually exclusive.</summary>
    Voice = 1,

    /// <summary>Real-time but concurrent: an agent can hold several.</summary>
    Chat = 2,

    /// <summary>Deferrable work with long service-level targets.</summary>
    Email = 3,
}
