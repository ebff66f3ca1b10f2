using Routing.Server.Mapping;

namespace Routing.Server.Services;

/// <summary>The supervisors' API: queues and their live numbers.</summary>
public sealed class SupervisorService(IGrainFactory grains) : Proto.Supervisor.SupervisorBase
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
        return ViewMapper.ToApi(stats);
    }
}
