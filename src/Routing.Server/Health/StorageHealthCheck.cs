using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Health;

/// <summary>
/// Ready while the grain store commits: a probe read goes through the grains' own batching queue and connection, so
/// a store that is down, locked by another process or refusing batches makes the server unready. The check's
/// timeout (<see cref="Hosting.RoutingServerOptions.HealthCheckTimeout"/>) bounds a store that does not answer.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Resolved per check: the keyed storage is built when the silo starts, after the health checks are registered.
        var storage = (GroupCommitGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Routing);
        try
        {
            await storage.ProbeAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("the grain store commits");
        }
        catch (StoreUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy($"the grain store is unreachable: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"the grain store did not answer within {context.Registration.Timeout.TotalSeconds:0.#} s"));
        }
    }
}
