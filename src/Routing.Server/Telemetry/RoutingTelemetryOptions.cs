namespace Routing.Server.Telemetry;

/// <summary>Where telemetry goes besides <c>/metrics</c> (section "Routing:Telemetry").</summary>
public sealed class RoutingTelemetryOptions
{
    public const string Section = "Routing:Telemetry";

    /// <summary>
    /// An OTLP collector (e.g. http://otel-collector:4317, gRPC): traces, metrics and logs are exported there too.
    /// Empty exports nothing; the standard OTEL_EXPORTER_OTLP_* variables then still tune the exporter.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Console logs as one JSON object per line, with the trace and span ids of the call they belong to.</summary>
    public bool JsonConsoleLogs { get; set; }

    /// <summary>Serves Orleans' dashboard (grains, silos, calls) on the HTTP endpoint under <see cref="DashboardPath"/>.</summary>
    public bool OrleansDashboard { get; set; }

    /// <summary>Where the Orleans dashboard is served on the HTTP endpoint.</summary>
    public string DashboardPath { get; set; } = "/dashboard";
}
