using Orleans.Utilities;

namespace Routing.Grains;

/// <summary>
/// The watchers of one activation (server streams, through <see cref="IChangeObserver"/>), told of every change.
/// Orleans' <see cref="ObserverManager{TObserver}"/> drops a watcher that stops renewing within
/// <see cref="RoutingGrainOptions.WatchLease"/>, or whose notice fails.
/// </summary>
internal sealed class ChangeWatchers
{
    private readonly ObserverManager<IChangeObserver> watchers;

    public ChangeWatchers(IGrainContext activation, TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        watchers = new ObserverManager<IChangeObserver>(lease, logger)
        {
            GetDateTime = () => clock.GetUtcNow().UtcDateTime,
        };

        // Watchers live in this activation's memory only: when it ends, tell them, so they watch the next one at once.
        activation.ObservableLifecycle.Subscribe(
            nameof(ChangeWatchers),
            GrainLifecycleStage.Activate,
            _ => Task.CompletedTask,
            _ =>
            {
                Notify();
                return Task.CompletedTask;
            });
    }

    /// <summary>Adds <paramref name="watcher"/>, or renews its lease.</summary>
    public void Watch(IChangeObserver watcher) => watchers.Subscribe(watcher, watcher);

    public void Unwatch(IChangeObserver watcher) => watchers.Unsubscribe(watcher);

    /// <summary>Tells every watcher that something changed; an idle grain with no watchers does nothing.</summary>
    public void Notify()
    {
        if (watchers.Count > 0)
        {
            watchers.Notify(watcher => watcher.Changed().Ignore());
        }
    }
}
