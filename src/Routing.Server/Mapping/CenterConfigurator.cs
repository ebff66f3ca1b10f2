using Microsoft.Extensions.Options;
using Routing.Server.Hosting;
using Routing.Grains;

namespace Routing.Server.Mapping;

/// <summary>Applies configuration messages to the grains: shared by the Admin API and the seed loader.</summary>
public sealed class CenterConfigurator(GrainReferences grains, IOptions<QueueDefaultsOptions> defaults)
{
    public async Task<QueueDefinition> ApplyAsync(Proto.QueueConfig config)
    {
        var definition = ConfigMapper.ToDefinition(config, defaults.Value);
        GrpcErrors.ThrowIfFailed(await grains.Get<IQueueGrain>(config.QueueId).Configure(definition));
        return definition;
    }

    public async Task<AgentDefinition> ApplyAsync(Proto.AgentConfig config)
    {
        var definition = ConfigMapper.ToDefinition(config);
        GrpcErrors.ValueOrThrow(await grains.Get<IAgentGrain>(config.AgentId).Configure(definition));
        return definition;
    }

    public async Task<IvrMenu> ApplyAsync(Proto.IvrMenuConfig config)
    {
        var menu = ConfigMapper.ToMenu(config);
        GrpcErrors.ThrowIfFailed(await grains.Get<IIvrMenuGrain>(config.MenuId).Configure(menu));
        return menu;
    }

    public async Task<CustomerView> ApplyAsync(Proto.CustomerConfig config)
    {
        var profile = ConfigMapper.ToProfile(config);
        return await grains.Get<ICustomerGrain>(config.CustomerId).SetProfile(profile);
    }

    /// <summary>Queues first (an overflow queue before the queues overflowing into it), then menus (which route to
    /// queues), then agents (which serve queues), then customers.</summary>
    public async Task ApplyAsync(Proto.CenterConfig center)
    {
        ArgumentNullException.ThrowIfNull(center);
        foreach (var queue in center.Queues)
        {
            await ApplyAsync(queue);
        }

        foreach (var menu in center.IvrMenus)
        {
            await ApplyAsync(menu);
        }

        foreach (var agent in center.Agents)
        {
            await ApplyAsync(agent);
        }

        foreach (var customer in center.Customers)
        {
            await ApplyAsync(customer);
        }
    }
}
