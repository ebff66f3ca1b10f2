using Routing.Server.Mapping;

namespace Routing.Server.Services;

/// <summary>The operators' API: queues, agents with their skills and capacity, touch-tone menus.</summary>
public sealed class AdminService(IGrainFactory grains, CenterConfigurator configurator) : Proto.Admin.AdminBase
{
    public override async Task<Proto.QueueConfig> UpsertQueue(Proto.QueueConfig request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConfigMapper.ToConfig(request.QueueId, await configurator.ApplyAsync(request));
    }

    public override async Task<Proto.QueueConfig> GetQueue(Proto.GetQueueRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queueId = RequestValidation.Id(request.QueueId, "queue_id");
        var definition = await grains.GetGrain<IQueueGrain>(queueId).GetDefinition()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"queue '{queueId}' does not exist"));
        return ConfigMapper.ToConfig(queueId, definition);
    }

    public override async Task<Proto.RemoveResponse> RemoveQueue(Proto.RemoveQueueRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcErrors.ThrowIfFailed(await grains.GetGrain<IQueueGrain>(RequestValidation.Id(request.QueueId, "queue_id")).Remove());
        return new Proto.RemoveResponse();
    }

    public override async Task<Proto.AgentConfig> UpsertAgent(Proto.AgentConfig request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ConfigMapper.ToConfig(request.AgentId, await configurator.ApplyAsync(request));
    }

    public override async Task<Proto.AgentConfig> GetAgentConfig(Proto.GetAgentConfigRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agentId = RequestValidation.Id(request.AgentId, "agent_id");
        var view = await grains.GetGrain<IAgentGrain>(agentId).Get()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"agent '{agentId}' does not exist"));
        return ConfigMapper.ToConfig(agentId, view.Definition);
    }

    public override async Task<Proto.RemoveResponse> RemoveAgent(Proto.RemoveAgentRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcErrors.ThrowIfFailed(await grains.GetGrain<IAgentGrain>(RequestValidation.Id(request.AgentId, "agent_id")).Remove());
        return new Proto.RemoveResponse();
    }

    public override async Task<Proto.ListAgentsResponse> ListAgents(Proto.ListAgentsRequest request, ServerCallContext context)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Agent);
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IAgentGrain>(id).Get()));
        var response = new Proto.ListAgentsResponse();
        response.Agents.Add(views.OfType<AgentView>().Select(v => ConfigMapper.ToConfig(v.AgentId, v.Definition)));
        return response;
    }

    public override async Task<Proto.IvrMenuConfig> UpsertIvrMenu(Proto.IvrMenuConfig request, ServerCallContext context)
    {
        await configurator.ApplyAsync(request);
        return request;
    }

    public override async Task<Proto.RemoveResponse> RemoveIvrMenu(Proto.RemoveIvrMenuRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcErrors.ThrowIfFailed(await grains.GetGrain<IIvrMenuGrain>(RequestValidation.Id(request.MenuId, "menu_id")).Remove());
        return new Proto.RemoveResponse();
    }

    public override async Task<Proto.Customer> UpsertCustomer(Proto.CustomerConfig request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ViewMapper.ToApi(await configurator.ApplyAsync(request));
    }

    public override async Task<Proto.Customer> GetCustomer(Proto.GetCustomerRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ViewMapper.ToApi(await grains.GetGrain<ICustomerGrain>(RequestValidation.Id(request.CustomerId, "customer_id")).Get());
    }
}
