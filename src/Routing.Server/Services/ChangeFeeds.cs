using System.Collections.Concurrent;

namespace Routing.Server.Services;

/// <summary>
/// The server streams' open <see cref="ChangeFeed"/>s, so that all of them can be woken at once (after a silo is
/// lost, the grains it hosted forgot their watchers, and every stream must watch again), and those whose watch is
/// due for renewal can be woken together by <see cref="Hosting.WatchRenewalSweeper"/>.
/// </summary>
public sealed class ChangeFeeds(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Lease, byte> open = new();

    /// <summary>A new feed for one stream; dispose it with the <see cref="Lease"/> when the stream ends.</summary>
    public Lease Open()
    {
        var lease = new Lease(this, new ChangeFeed(grains));
        open.TryAdd(lease, 0);
        return lease;
    }

    /// <summary>Wakes every open feed: each stream watches its grains again.</summary>
    public void WakeAll()
    {
        foreach (var lease in open.Keys)
        {
            lease.Feed.Wake();
        }
    }

    /// <summary>Wakes the feeds whose <see cref="Lease.RenewAt"/> has come: each of those streams renews its watch.</summary>
    public void WakeDue(DateTimeOffset now)
    {
        foreach (var lease in open.Keys)
        {
            // A stream woken twice before it renews watches once: a wake is all it takes.
            if (lease.RenewAt <= now)
            {
                lease.Feed.Wake();
            }
        }
    }

    /// <summary>One stream's feed, closed and forgotten on dispose.</summary>
    public sealed class Lease(ChangeFeeds owner, ChangeFeed feed) : IDisposable
    {
        public ChangeFeed Feed { get; } = feed;

        /// <summary>
        /// When the stream is to be woken to renew its watch. An idle offer stream waits with no timer of its own:
        /// ten thousand of them, each with a timeout, kept the runtime's timer queue and thread pool busy. Streams
        /// that refresh on their own interval leave it at never.
        /// </summary>
        public DateTimeOffset RenewAt
        {
            get => new(Interlocked.Read(ref renewAtUtcTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref renewAtUtcTicks, value.UtcTicks);
        }

        // Read by the sweeper while the stream sets it: ticks, so that neither sees half of the other's value.
        private long renewAtUtcTicks = DateTimeOffset.MaxValue.UtcTicks;

        public void Dispose()
        {
            owner.open.TryRemove(this, out _);
            Feed.Dispose();
        }
    }
}
