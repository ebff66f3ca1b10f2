using Routing.Grains;

namespace Routing.Server.Hosting;

/// <summary>
/// Activates every queue and agent the catalog knows. A grain's timers (offer expiry, wrap-up, skill relaxation) run
/// only while it is active, so after a restart, or after the silo that hosted some of them died, they are woken here
/// rather than waiting for the next call that happens to reach them.
/// </summary>
public sealed partial class CenterWaker(GrainReferences grains, ILogger<CenterWaker> logger)
{
    /// <summary>Wakes each grain once; returns the ids that failed (the caller decides whether to try again).</summary>
    public async Task<IReadOnlyList<string>> WakeAsync(IReadOnlyCollection<string>? only = null)
    {
        var catalog = grains.Get<ICatalogGrain>(ICatalogGrain.Key);
        var queues = await catalog.List(CatalogKind.Queue);
        var agents = await catalog.List(CatalogKind.Agent);
        var woken = await Task.WhenAll([
            .. queues.Where(id => only is null || only.Contains(id)).Select(id => WakeOneAsync(id, () => grains.Get<IQueueGrain>(id).GetDefinition())),
            .. agents.Where(id => only is null || only.Contains(id)).Select(id => WakeOneAsync(id, () => grains.Get<IAgentGrain>(id).Get())),
        ]);
        var failed = woken.Where(w => !w.Woken).Select(w => w.Id).ToList();
        LogWoken(logger, queues.Count, agents.Count, failed.Count);
        return failed;
    }

    private async Task<(string Id, bool Woken)> WakeOneAsync(string id, Func<Task> call)
    {
        try
        {
            await call();
            return (id, true);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Typically the grain's directory entry still points at a silo that is being declared dead.
            LogWakeFailed(logger, id, ex.Message);
            return (id, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Queues} queues and {Agents} agents ({Failed} failed)")]
    private static partial void LogWoken(ILogger logger, int queues, int agents, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake {GrainId}: {Error}")]
    private static partial void LogWakeFailed(ILogger logger, string grainId, string error);
}
