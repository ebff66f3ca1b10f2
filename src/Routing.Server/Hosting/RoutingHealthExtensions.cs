using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Routing.Server.Health;

namespace Routing.Server.Hosting;

/// <summary>
/// The standard gRPC health service (grpc.health.v1) over ASP.NET Core's health checks: the overall service ("")
/// and each of the router's services are SERVING only while the silo is active and the store commits; "liveness"
/// only says the silo has not been declared dead. The library itself answers NOT_SERVING to everyone once the
/// host starts stopping, so a load balancer drains the server before its silo hands its grains over.
/// </summary>
public static class RoutingHealthExtensions
{
    /// <summary>The health service name that reports liveness (for a Kubernetes liveness probe).</summary>
    public const string LivenessService = "liveness";

    /// <summary>The router's own gRPC services, each reported by the health service under its full name.</summary>
    public static readonly IReadOnlyList<string> RouterServices =
    [
        Proto.Routing.Descriptor.FullName,
        Proto.Agents.Descriptor.FullName,
        Proto.Supervisor.Descriptor.FullName,
        Proto.Admin.Descriptor.FullName,
        Proto.Feedback.Descriptor.FullName,
    ];

    private const string ReadyTag = "ready";
    private const string LiveTag = "live";

    public static WebApplicationBuilder AddRoutingHealth(this WebApplicationBuilder builder, RoutingServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(server);
        builder.Services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag], timeout: server.HealthCheckTimeout)
            .AddCheck<SiloAliveHealthCheck>("silo-alive", tags: [LiveTag]);
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = server.HealthCheckInterval;
        });
        builder.Services.AddGrpcHealthChecks(health =>
        {
            // In place of the library's default mapping of "" to every check.
            health.Services.Clear();
            health.Services.Map(string.Empty, IsReadiness);
            foreach (var service in RouterServices)
            {
                health.Services.Map(service, IsReadiness);
            }

            health.Services.Map(LivenessService, check => check.Tags.Contains(LiveTag));
        });
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// Maps the health and reflection services. Neither needs a token: probes carry none, and reflection describes
    /// the public contract (the .proto files in the repository), never data.
    /// </summary>
    public static WebApplication MapRoutingHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }

    private static bool IsReadiness(HealthCheckMapContext check) => check.Tags.Contains(ReadyTag);
}
