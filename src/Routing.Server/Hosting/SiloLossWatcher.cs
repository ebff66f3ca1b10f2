using Microsoft.Extensions.Options;
using Routing.Server.Services;

namespace Routing.Server.Hosting;

/// <summary>
/// When another silo of the cluster is declared dead, wakes the center's queues and agents again: those that lived
/// on the dead silo come back here (or on another survivor) from their persisted state, with their timers, so an
/// offer pending on the dead silo still expires and its contact goes back in line without waiting for a caller.
/// It also wakes every server stream of this silo: grains that lived on the dead silo forgot their watchers.
/// </summary>
public sealed partial class SiloLossWatcher(
    IClusterMembershipService membership,
    CenterWaker waker,
    ChangeFeeds feeds,
    TimeProvider clock,
    IOptions<RoutingServerOptions> options,
    ILogger<SiloLossWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var previous = membership.CurrentSnapshot;
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var died = snapshot.CreateUpdate(previous).Changes
                .Where(change => change.Status == SiloStatus.Dead && previous.GetSiloStatus(change.SiloAddress) != SiloStatus.None)
                .Select(change => change.SiloAddress.ToString())
                .ToList();
            previous = snapshot;
            if (died.Count > 0)
            {
                LogSiloDied(logger, string.Join(", ", died));
                await TakeOverAsync(stoppingToken);
                feeds.WakeAll();
            }
        }
    }

    private async Task TakeOverAsync(CancellationToken stoppingToken)
    {
        IReadOnlyCollection<string>? pending = null;
        for (var attempt = 1; attempt <= options.Value.TakeOverAttempts; attempt++)
        {
            pending = await waker.WakeAsync(pending);
            if (pending.Count == 0)
            {
                return;
            }

            await Task.Delay(options.Value.TakeOverRetryInterval, clock, stoppingToken);
        }

        LogTakeOverIncomplete(logger, pending!.Count, string.Join(", ", pending));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} was declared dead: waking the center's queues and agents so its grains resume here")]
    private static partial void LogSiloDied(ILogger logger, string silos);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} grains could not be woken after a silo died; they resume at their next call: {GrainIds}")]
    private static partial void LogTakeOverIncomplete(ILogger logger, int count, string grainIds);
}
