using Google.Protobuf;
using Microsoft.Extensions.Options;
using Routing.Server.Mapping;
using Routing.Grains;

namespace Routing.Server.Hosting;

/// <summary>
/// After the silo starts: loads the demo contact center into an empty store, then wakes every queue and agent so
/// timers (offer expiry, wrap-up, skill relaxation) run again and waiting work is picked up after a restart.
/// </summary>
public sealed partial class RoutingStartup(
    GrainReferences grains,
    CenterConfigurator configurator,
    CenterWaker waker,
    IOptions<RoutingServerOptions> options,
    ILogger<RoutingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = grains.Get<ICatalogGrain>(ICatalogGrain.Key);
        try
        {
            // Only a store that never held a center is seeded: never one whose catalog could not be read, nor one
            // whose queues were all removed.
            if (!await catalog.WasWritten() && !string.IsNullOrWhiteSpace(options.Value.SeedFile))
            {
                await SeedAsync(options.Value.SeedFile, cancellationToken);
            }
        }
        catch (StoredStateUnreadableException ex)
        {
            // The server still serves what it can read; the calls that need the catalog answer DATA_LOSS.
            LogCatalogUnreadable(logger, ex.Message);
            return;
        }

        // A grain that cannot be woken now is woken by its next call; the start does not fail for it.
        await waker.WakeAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(string seedFile, CancellationToken cancellationToken)
    {
        var path = Path.IsPathRooted(seedFile) ? seedFile : Path.Combine(AppContext.BaseDirectory, seedFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.SeedFile)} names '{path}', which does not exist", path);
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken);
        var center = JsonParser.Default.Parse<Proto.CenterConfig>(json);
        await configurator.ApplyAsync(center);
        LogSeeded(logger, path, center.Queues.Count, center.Agents.Count, center.IvrMenus.Count, center.Customers.Count);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The catalog of queues, agents and menus cannot be read, so nothing was seeded or woken: {Error}")]
    private static partial void LogCatalogUnreadable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo contact center from {Path}: {Queues} queues, {Agents} agents, {Menus} menus, {Customers} customers")]
    private static partial void LogSeeded(ILogger logger, string path, int queues, int agents, int menus, int customers);
}
