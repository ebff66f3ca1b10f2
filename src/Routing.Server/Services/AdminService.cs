using Routing.Server.Mapping;
using Routing.Grains;

namespace Routing.Server.Services;

/// <summary>The operators' API: queues, agents with their skills and capacity, touch-tone menus.</summary>
public sealed class AdminService(GrainReferences grains, CenterConfigurator configurator) : Proto.Admin.AdminBase
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
        var definition = await grains.Get<IQueueGrain>(queueId).GetDefinition()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"queue '{queueId}' does not exist"));
        return ConfigMapper.ToConfig(queueId, definition);
    }

    public override async Task<Proto.RemoveResponse> RemoveQueue(Proto.RemoveQueueRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcErrors.ThrowIfFailed(await grains.Get<IQueueGrain>(RequestValidation.Id(request.QueueId, "queue_id")).Remove());
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
        var view = await grains.Get<IAgentGrain>(agentId).Get()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"agent '{agentId}' does not exist"));
        return ConfigMapper.ToConfig(agentId, view.Definition);
    }

    public override async Task<Proto.RemoveResponse> RemoveAgent(Proto.RemoveAgentRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcErrors.ThrowIfFailed(await grains.Get<IAgentGrain>(RequestValidation.Id(request.AgentId, "agent_id")).Remove());
        return new Proto.RemoveResponse();
    }

    public override async Task<Proto.ListAgentsResponse> ListAgents(Proto.ListAgentsRequest request, ServerCallContext context)
    {
        var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Agent);
        var views = await Task.WhenAll(ids.Select(id => grains.Get<IAgentGrain>(id).Get()));
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
        GrpcErrors.ThrowIfFailed(await grains.Get<IIvrMenuGrain>(RequestValidation.Id(request.MenuId, "menu_id")).Remove());
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
        return ViewMapper.ToApi(await grains.Get<ICustomerGrain>(RequestValidation.Id(request.CustomerId, "customer_id")).Get());
    }
}
