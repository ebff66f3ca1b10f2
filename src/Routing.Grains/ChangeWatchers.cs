using Orleans.Utilities;

namespace Routing.Grains;

/// <summary>
/// The watchers of one activation (server streams, through <see cref="IChangeObserver"/> or a kind of it that
/// carries the change), told of every change. Orleans' <see cref="ObserverManager{TObserver}"/> drops a watcher
/// that stops renewing within <see cref="RoutingGrainOptions.WatchLease"/>, or whose notice fails.
/// </summary>
internal sealed class ChangeWatchers<TObserver>
    where TObserver : IChangeObserver
{
    private readonly ObserverManager<TObserver> watchers;

    public ChangeWatchers(IGrainContext activation, TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        watchers = new ObserverManager<TObserver>(lease, logger)
        {
            GetDateTime = () => clock.GetUtcNow().UtcDateTime,
        };

        // Watchers live in this activation's memory only: when it ends, tell them, so they watch the next one at once.
        activation.ObservableLifecycle.Subscribe(
            nameof(ChangeWatchers<TObserver>),
            GrainLifecycleStage.Activate,
            _ => Task.CompletedTask,
            _ =>
            {
                Notify();
                return Task.CompletedTask;
            });
    }

    /// <summary>Whether anyone watches: a notice worth building only then.</summary>
    public bool Any => watchers.Count > 0;

    /// <summary>Adds <paramref name="watcher"/>, or renews its lease.</summary>
    public void Watch(TObserver watcher) => watchers.Subscribe(watcher, watcher);

    public void Unwatch(TObserver watcher) => watchers.Unsubscribe(watcher);

    /// <summary>Drops the watchers whose lease lapsed (their server died without unwatching); whether any are left.</summary>
    public bool DropLapsed()
    {
        watchers.ClearExpired();
        return Any;
    }

    /// <summary>Tells every watcher that something changed; an idle grain with no watchers does nothing.</summary>
    public void Notify() => Notify(watcher => watcher.Changed());

    /// <summary>Sends every watcher <paramref name="notice"/> (one-way); with no watchers it does nothing.</summary>
    public void Notify(Func<TObserver, Task> notice)
    {
        if (Any)
        {
            watchers.Notify(watcher => notice(watcher).Ignore());
        }
    }
}
