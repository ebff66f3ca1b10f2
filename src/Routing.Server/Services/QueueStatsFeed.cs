using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Routing.Grains;
using Routing.Server.Hosting;
using Routing.Server.Mapping;

namespace Routing.Server.Services;

/// <summary>
/// The live queue statistics that WatchQueueStats streams and the supervisor page shows: a first update at once,
/// another within the minimum interval of any change (never more often), and a refresh of time-dependent figures
/// every refresh interval. One source, so the page and the gRPC stream never disagree.
/// </summary>
public sealed class QueueStatsFeed(
    GrainReferences grains,
    ChangeFeeds feeds,
    IOptions<RoutingServerOptions> server,
    IOptions<RoutingGrainOptions> routing)
{
    /// <summary>The queues to watch: those named, or every queue of the catalog when none is.</summary>
    public async Task<IReadOnlyList<string>> QueuesAsync(IReadOnlyCollection<string> named) =>
        named.Count > 0 ? [.. named.Distinct(StringComparer.Ordinal)] : await grains.Get<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Queue);

    /// <summary>The spacing asked for, but never below the server's <see cref="RoutingServerOptions.StatsMinInterval"/>.</summary>
    public TimeSpan MinInterval(TimeSpan? asked) =>
        asked is { } wanted && wanted > server.Value.StatsMinInterval ? wanted : server.Value.StatsMinInterval;

    /// <summary>Updates for <paramref name="ids"/> until <paramref name="cancellationToken"/> ends the watch.</summary>
    /// <exception cref="RpcException">NotFound when a watched queue does not exist (any more).</exception>
    public async IAsyncEnumerable<Proto.QueueStatsUpdate> WatchAsync(
        IReadOnlyList<string> ids,
        TimeSpan minInterval,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queues = ids.Select(id => grains.Get<IQueueGrain>(id)).ToList();

        // One feed watches every queue: a change anywhere wakes the stream at once, and time alone (longest wait, the
        // rolling window) refreshes it every refresh interval. Watching again renews the queues' leases.
        using var lease = feeds.Open();
        try
        {
            var refresh = server.Value.WatchRefreshInterval;
            var renewed = DateTimeOffset.MinValue;
            var lastPush = DateTimeOffset.MinValue;
            var changed = true;
            while (!cancellationToken.IsCancellationRequested)
            {
                if (changed || DateTimeOffset.UtcNow - renewed >= routing.Value.WatchRenewInterval)
                {
                    await Task.WhenAll(queues.Select(queue => queue.Watch(lease.Feed.Reference)));
                    renewed = DateTimeOffset.UtcNow;
                }

                // Spacing is measured between the updates' own stamps, on the clock that makes them. Task.Delay waits whole
                // milliseconds on the tick timer, so by that clock it can end a hair early: look again and wait out the rest.
                var left = minInterval - (DateTimeOffset.UtcNow - lastPush);
                while (left > TimeSpan.Zero)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), cancellationToken);
                    left = minInterval - (DateTimeOffset.UtcNow - lastPush);
                }

                var update = await UpdateAsync(ids, queues);
                yield return update;
                lastPush = update.At.ToDateTimeOffset();
                changed = await lease.Feed.WaitAsync(refresh, cancellationToken);
            }
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Unwatch(lease.Feed.Reference).Ignore();
            }
        }
    }

    /// <summary>A queue's numbers with the length of the rolling window they are counted over.</summary>
    public Proto.QueueStats WithWindowLength(Proto.QueueStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        stats.WindowLength = Duration.FromTimeSpan(routing.Value.StatisticsWindow);
        return stats;
    }

    private async Task<Proto.QueueStatsUpdate> UpdateAsync(IReadOnlyList<string> ids, IReadOnlyList<IQueueGrain> queues)
    {
        var stats = await Task.WhenAll(queues.Select(q => q.GetStats()));
        var missing = ids.Where((_, i) => stats[i] is null).ToList();
        if (missing.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"queue '{missing[0]}' does not exist"));
        }

        var present = stats.Select(s => s!).ToList();
        var update = new Proto.QueueStatsUpdate
        {
            Center = WithWindowLength(ViewMapper.ToApi(QueueStats.Combine(present))),
            At = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        };
        update.Queues.Add(present.Select(s => WithWindowLength(ViewMapper.ToApi(s))));
        return update;
    }
}
