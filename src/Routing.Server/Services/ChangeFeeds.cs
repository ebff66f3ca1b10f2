using System.Collections.Concurrent;

namespace Routing.Server.Services;

/// <summary>
/// The server streams' open <see cref="ChangeFeed"/>s, so that all of them can be woken at once: after a silo is
/// lost, the grains it hosted forgot their watchers, and every stream must watch again.
/// </summary>
public sealed class ChangeFeeds(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<ChangeFeed, byte> open = new();

    /// <summary>A new feed for one stream; dispose it with the <see cref="Lease"/> when the stream ends.</summary>
    public Lease Open()
    {
        var feed = new ChangeFeed(grains);
        open.TryAdd(feed, 0);
        return new Lease(this, feed);
    }

    /// <summary>Wakes every open feed: each stream watches its grains again.</summary>
    public void WakeAll()
    {
        foreach (var feed in open.Keys)
        {
            feed.Wake();
        }
    }

    /// <summary>One stream's feed, closed and forgotten on dispose.</summary>
    public sealed class Lease(ChangeFeeds owner, ChangeFeed feed) : IDisposable
    {
        public ChangeFeed Feed { get; } = feed;

        public void Dispose()
        {
            owner.open.TryRemove(Feed, out _);
            Feed.Dispose();
        }
    }
}
