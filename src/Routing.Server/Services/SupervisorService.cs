using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Routing.Grains;
using Routing.Server.Hosting;
using Routing.Server.Mapping;

namespace Routing.Server.Services;

/// <summary>The supervisors' API: queues and their live numbers, asked for or streamed.</summary>
public sealed class SupervisorService(
    IGrainFactory grains,
    IOptions<RoutingServerOptions> server,
    IOptions<RoutingGrainOptions> routing) : Proto.Supervisor.SupervisorBase
{
    public override async Task<Proto.ListQueuesResponse> ListQueues(Proto.ListQueuesRequest request, ServerCallContext context)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Queue);
        var queues = await Task.WhenAll(ids.Select(async id =>
        {
            var queue = grains.GetGrain<IQueueGrain>(id);
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
        var stats = await grains.GetGrain<IQueueGrain>(queueId).GetStats()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"queue '{queueId}' does not exist"));
        return WithWindowLength(ViewMapper.ToApi(stats));
    }

    public override async Task WatchQueueStats(Proto.WatchQueueStatsRequest request, IServerStreamWriter<Proto.QueueStatsUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var ids = request.QueueIds.Count > 0
            ? [.. request.QueueIds.Select(id => RequestValidation.Id(id, "queue_ids")).Distinct(StringComparer.Ordinal)]
            : await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Queue);
        var queues = ids.Select(id => grains.GetGrain<IQueueGrain>(id)).ToList();
        var minInterval = request.MinInterval is { } asked && asked.ToTimeSpan() > server.Value.StatsMinInterval ? asked.ToTimeSpan() : server.Value.StatsMinInterval;
        var refresh = server.Value.WatchRefreshInterval;

        // One long-poll per queue, re-issued only when it answers: a change anywhere wakes the stream at once, and
        // time alone (longest wait, the rolling window) refreshes it every refresh interval.
        var versions = Enumerable.Repeat(-1L, queues.Count).ToArray();
        var pending = new Task<long>?[queues.Count];
        var lastPush = DateTimeOffset.MinValue;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var changed = false;
            for (var i = 0; i < queues.Count; i++)
            {
                pending[i] ??= queues[i].WaitForChange(versions[i], refresh);
            }

            // Neither finishing throws: a cancelled delay ends the loop, a failed poll throws below where it is read.
            var tick = Task.Delay(refresh, context.CancellationToken);
            await Task.WhenAny(queues.Count > 0 ? Task.WhenAny(pending!) : tick, tick);

            for (var i = 0; i < queues.Count; i++)
            {
                if (pending[i] is { IsCompleted: true } done)
                {
                    var version = await done;
                    changed |= version != versions[i];
                    versions[i] = version;
                    pending[i] = null;
                }
            }

            if (!changed && DateTimeOffset.UtcNow - lastPush < refresh)
            {
                continue;
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
