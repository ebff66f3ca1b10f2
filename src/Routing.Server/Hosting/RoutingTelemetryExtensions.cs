using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;
using Routing.Grains;
using Routing.Server.Storage.GroupCommit;
using Routing.Server.Telemetry;

namespace Routing.Server.Hosting;

/// <summary>
/// OpenTelemetry for the router: its own meters, ASP.NET Core's, Orleans' and the runtime's, scraped at
/// <c>/metrics</c> by Prometheus; traces from the gRPC call through the grain calls to the store's batches; both,
/// and the logs, sent over OTLP when a collector is configured. Logs carry the trace and span ids of their call.
/// </summary>
public static class RoutingTelemetryExtensions
{
    /// <summary>The OpenTelemetry service name of the router's telemetry.</summary>
    public const string ServiceName = "routing-server";

    /// <summary>Orleans' meter, which counts grain calls, activations, messages and the membership's view.</summary>
    private const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddRoutingTelemetry(this WebApplicationBuilder builder, RoutingServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(server);
        builder.Services.AddOptions<RoutingTelemetryOptions>().BindConfiguration(RoutingTelemetryOptions.Section)
            .Validate(
                options => string.IsNullOrWhiteSpace(options.OtlpEndpoint) || Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out _),
                $"{RoutingTelemetryOptions.Section}:{nameof(RoutingTelemetryOptions.OtlpEndpoint)} must be an absolute URI, e.g. http://otel-collector:4317.")
            .Validate(
                options => options.DashboardPath.StartsWith('/') && options.DashboardPath.Length > 1,
                $"{RoutingTelemetryOptions.Section}:{nameof(RoutingTelemetryOptions.DashboardPath)} must be a path such as /dashboard.")
            .ValidateOnStart();
        var telemetry = builder.Configuration.GetSection(RoutingTelemetryOptions.Section).Get<RoutingTelemetryOptions>() ?? new RoutingTelemetryOptions();

        // Trace and span ids on every log line of a call (the JSON formatter writes them with the scopes).
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (telemetry.JsonConsoleLogs)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "O";
            });
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: $"{server.AdvertisedAddress}:{server.SiloPort}"))
            .WithMetrics(metrics => metrics
                .AddMeter(RoutingMetrics.MeterName, DecisionTimings.MeterName, GrainStorageMetrics.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            // Spans only with somewhere to send them: a listening tracer makes every call, grain call and store
            // operation allocate its activity, which the hot path should not pay for nothing.
            otel.WithTracing(tracing => tracing
                    .AddSource(ActivitySources.AllActivitySourceName, StorageTracing.SourceName)
                    .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !IsScrapeOrProbe(context)))
                .WithLogging()
                .UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(telemetry.OtlpEndpoint));
        }

        return builder;
    }

    /// <summary>Orleans' spans for grain calls, made only while someone listens (OpenTelemetry's tracing does).</summary>
    public static ISiloBuilder AddRoutingTracing(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.AddActivityPropagation();
        if (configuration.GetSection(RoutingTelemetryOptions.Section).Get<RoutingTelemetryOptions>() is { OrleansDashboard: true })
        {
            silo.AddDashboard();
        }

        return silo;
    }

    // Scrapes and health probes every few seconds would bury the calls worth tracing.
    private static bool IsScrapeOrProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(RoutingWebExtensions.MetricsPath, StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal);

    /// <summary>The Orleans dashboard, when configured, on the HTTP endpoint.</summary>
    public static IEndpointConventionBuilder? MapOrleansDashboardIfEnabled(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var telemetry = app.Services.GetRequiredService<IOptions<RoutingTelemetryOptions>>().Value;
        return telemetry.OrleansDashboard ? app.MapOrleansDashboard(routePrefix: telemetry.DashboardPath) : null;
    }
}
