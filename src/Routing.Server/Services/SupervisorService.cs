using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Routing.Grains;
using Routing.Server.Hosting;
using Routing.Server.Mapping;

namespace Routing.Server.Services;

/// <summary>The supervisors' API: queues and their live numbers, asked for or streamed.</summary>
public sealed class SupervisorService(
    GrainReferences grains,
    ChangeFeeds feeds,
    IOptions<RoutingServerOptions> server,
    IOptions<RoutingGrainOptions> routing) : Proto.Supervisor.SupervisorBase
{
    public override async Task<Proto.ListQueuesResponse> ListQueues(Proto.ListQueuesRequest request, ServerCallContext context)
    {
        var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Queue);
        var queues = await Task.WhenAll(ids.Select(async id =>
        {
            var queue = grains.Get<IQueueGrain>(id);
            return (Id: id, Definition: await queue.GetDefinition(), Stats: await queue.GetStats());
        }));
        var response = new Proto.ListQueuesResponse();
        foreach (var (id, definition, stats) in queues)
        {
            if (definition is null || stats is null)
            {
                continue;
            }

            var summary = new Proto.QueueSummary { QueueId = id, Name = definition.Name, Waiting = stats.Waiting };
            summary.Channels.Add(definition.Channels.Select(ViewMapper.ToApi));
            response.Queues.Add(summary);
        }

        return response;
    }

    public override async Task<Proto.QueueStats> GetQueueStats(Proto.GetQueueStatsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queueId = RequestValidation.Id(request.QueueId, "queue_id");
        var stats = await grains.Get<IQueueGrain>(queueId).GetStats()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"queue '{queueId}' does not exist"));
        return WithWindowLength(ViewMapper.ToApi(stats));
    }

    public override async Task WatchQueueStats(Proto.WatchQueueStatsRequest request, IServerStreamWriter<Proto.QueueStatsUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        RequestValidation.AtMost(request.QueueIds.Count, InputLimits.MaxQueuesPerWatch, "queue_ids", "queues");
        var ids = request.QueueIds.Count > 0
            ? [.. request.QueueIds.Select(id => RequestValidation.Id(id, "queue_ids")).Distinct(StringComparer.Ordinal)]
            : await grains.Get<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Queue);
        var queues = ids.Select(id => grains.Get<IQueueGrain>(id)).ToList();
        var minInterval = request.MinInterval is { } asked && asked.ToTimeSpan() > server.Value.StatsMinInterval ? asked.ToTimeSpan() : server.Value.StatsMinInterval;

        // One feed watches every queue: a change anywhere wakes the stream at once, and time alone (longest wait, the
        // rolling window) refreshes it every refresh interval. Watching again renews the queues' leases.
        using var lease = feeds.Open();
        try
        {
            await StreamAsync(ids, queues, lease.Feed, minInterval, responseStream, context);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Unwatch(lease.Feed.Reference).Ignore();
            }
        }
    }

    private async Task StreamAsync(
        IReadOnlyList<string> ids,
        IReadOnlyList<IQueueGrain> queues,
        ChangeFeed feed,
        TimeSpan minInterval,
        IServerStreamWriter<Proto.QueueStatsUpdate> responseStream,
        ServerCallContext context)
    {
        var refresh = server.Value.WatchRefreshInterval;
        var renewed = DateTimeOffset.MinValue;
        var lastPush = DateTimeOffset.MinValue;
        var changed = true;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            if (changed || DateTimeOffset.UtcNow - renewed >= routing.Value.WatchRenewInterval)
            {
                await Task.WhenAll(queues.Select(queue => queue.Watch(feed.Reference)));
                renewed = DateTimeOffset.UtcNow;
            }

            // Spacing is measured between the updates' own stamps, on the clock that makes them. Task.Delay waits whole
            // milliseconds on the tick timer, so by that clock it can end a hair early: look again and wait out the rest.
            var left = minInterval - (DateTimeOffset.UtcNow - lastPush);
            while (left > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), context.CancellationToken);
                left = minInterval - (DateTimeOffset.UtcNow - lastPush);
            }

            var update = await UpdateAsync(ids, queues);
            await responseStream.WriteAsync(update, context.CancellationToken);
            lastPush = update.At.ToDateTimeOffset();
            changed = await feed.WaitAsync(refresh, context.CancellationToken);
        }
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

    private Proto.QueueStats WithWindowLength(Proto.QueueStats stats)
    {
        stats.WindowLength = Duration.FromTimeSpan(routing.Value.StatisticsWindow);
        return stats;
    }
}
