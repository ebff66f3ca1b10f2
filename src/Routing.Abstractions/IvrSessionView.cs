using Routing.Core;

namespace Routing.Abstractions;

/// <summary>Where a caller stands in the menus: the prompt to play next, or the destination reached.</summary>
/// <param name="Menu">The current menu while the caller is still choosing; null once a destination is reached.</param>
[GenerateSerializer, Immutable, Alias("routing.ivr-session-view")]
public sealed record IvrSessionView(
    [property: Id(0)] string SessionId,
    [property: Id(1)] IvrSessionState State,
    [property: Id(2)] IvrMenu? Menu,
    [property: Id(3)] int RetriesLeft);
