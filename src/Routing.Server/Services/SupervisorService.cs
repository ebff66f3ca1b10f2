using Routing.Grains;
using Routing.Server.Mapping;

namespace Routing.Server.Services;

/// <summary>The supervisors' API: queues and their live numbers, asked for or streamed.</summary>
public sealed class SupervisorService(GrainReferences grains, QueueStatsFeed stats) : Proto.Supervisor.SupervisorBase
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
        var queueStats = await grains.Get<IQueueGrain>(queueId).GetStats()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"queue '{queueId}' does not exist"));
        return stats.WithWindowLength(ViewMapper.ToApi(queueStats));
    }

    public override async Task WatchQueueStats(Proto.WatchQueueStatsRequest request, IServerStreamWriter<Proto.QueueStatsUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        RequestValidation.AtMost(request.QueueIds.Count, InputLimits.MaxQueuesPerWatch, "queue_ids", "queues");
        var interval = stats.MinInterval(RequestValidation.Duration(request.MinInterval, TimeSpan.Zero, "min_interval", ConfigurationLimits.StatsInterval));
        var ids = await stats.QueuesAsync([.. request.QueueIds.Select(id => RequestValidation.Id(id, "queue_ids"))]);
        try
        {
            await foreach (var update in stats.WatchAsync(ids, interval, context.CancellationToken))
            {
                await responseStream.WriteAsync(update, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
    }
}
