using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Server.Health;

/// <summary>
/// Ready while the co-hosted silo is an active member of its cluster and the host is not stopping: before that the
/// silo is still joining (grain calls would wait or fail), and once the host stops the silo is handing its grains over.
/// </summary>
public sealed class SiloActiveHealthCheck(ISiloStatusOracle silos, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the server is stopping: its silo hands its grains over"));
        }

        var status = silos.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("the silo is active")
            : HealthCheckResult.Unhealthy($"the silo is {status}, not active"));
    }
}
