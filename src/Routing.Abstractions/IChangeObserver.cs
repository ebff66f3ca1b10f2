namespace Routing.Abstractions;

/// <summary>
/// Told that a watched grain changed, so the watcher reads it again: how agent, contact and queue streams are fed
/// without polling. One-way, so a slow or vanished watcher never holds up the grain.
/// </summary>
/// <remarks>
/// A grain keeps its watchers in memory only, for a lease (<c>Routing:Grains:WatchLease</c>) after their last watch
/// call: watchers renew well within it, and after a silo loss they watch again at once (the grain lost them with its
/// activation).
/// </remarks>
[Alias("routing.change-observer")]
public interface IChangeObserver : IGrainObserver
{
    [Alias("changed"), OneWay]
    Task Changed();
}
