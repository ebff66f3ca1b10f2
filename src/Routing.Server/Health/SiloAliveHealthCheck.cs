using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Server.Health;

/// <summary>
/// Alive unless the cluster declared this silo dead: then it can never serve again and must be restarted. Storage is
/// not looked at, so a store outage makes the server unready, never restarted over and over.
/// </summary>
public sealed class SiloAliveHealthCheck(ISiloStatusOracle silos) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silos.CurrentStatus == SiloStatus.Dead
            ? HealthCheckResult.Unhealthy("the cluster declared this silo dead")
            : HealthCheckResult.Healthy($"the silo is {silos.CurrentStatus}"));
}
