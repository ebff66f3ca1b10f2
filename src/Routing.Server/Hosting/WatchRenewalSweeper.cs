using Microsoft.Extensions.Options;
using Routing.Grains;
using Routing.Server.Services;

namespace Routing.Server.Hosting;

/// <summary>
/// Wakes the offer streams whose watch is due for renewal, all from one timer: a stream with no change to write
/// then waits with no timer of its own (see <see cref="ChangeFeeds.Lease.RenewAt"/>).
/// </summary>
public sealed class WatchRenewalSweeper(ChangeFeeds feeds, TimeProvider clock, IOptions<RoutingGrainOptions> routing) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(routing.Value.WatchSweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                feeds.WakeDue(clock.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
