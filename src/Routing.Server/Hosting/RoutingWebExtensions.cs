using Microsoft.AspNetCore.Server.Kestrel.Core;
using Routing.Server.Security;
using Routing.Server.Web;

namespace Routing.Server.Hosting;

/// <summary>
/// The HTTP/1.1 endpoint (<see cref="RoutingServerOptions.HttpEndpoint"/>): the live supervisor page and its event
/// stream, the Prometheus scrape at <see cref="MetricsPath"/> and, when configured, the Orleans dashboard. It is apart
/// from the gRPC endpoint because that one speaks HTTP/2 only, which browsers and Prometheus do not use in plaintext.
/// </summary>
public static class RoutingWebExtensions
{
    public const string MetricsPath = "/metrics";
    public const string SupervisorPagePath = "/";
    public const string SupervisorStreamPath = "/supervisor/stream";

    /// <summary>The HTTP endpoint, or null when <see cref="RoutingServerOptions.HttpEndpoint"/> is empty.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not a plain http://address:port, or is not on
    /// loopback while authentication is off.</exception>
    public static ListenEndpoint? HttpEndpoint(RoutingServerOptions server, bool authenticated)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (string.IsNullOrWhiteSpace(server.HttpEndpoint))
        {
            return null;
        }

        const string Setting = $"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.HttpEndpoint)}";
        const string Example = "http://127.0.0.1:8080";
        var endpoint = ListenEndpoint.Parse(server.HttpEndpoint, Setting, Example);
        if (endpoint.Uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"{Setting} must be http://<IP address or localhost>:<port>, e.g. {Example} (or empty for none), not '{server.HttpEndpoint}'.");
        }

        if (!authenticated && !endpoint.IsLoopback)
        {
            throw new InvalidOperationException(
                $"{Setting} is {endpoint} with no authentication: anyone who reaches it could watch every queue and agent. " +
                $"Set {RoutingAuthOptions.Section}:SigningKey or {RoutingAuthOptions.Section}:Authority, or listen on a loopback address.");
        }

        return endpoint;
    }

    /// <summary>Listens on the HTTP endpoint, HTTP/1.1 only, remembering the listener to keep the web routes to it.</summary>
    public static void ListenHttp(this KestrelServerOptions kestrel, ListenEndpoint endpoint, HttpEndpointOnly web)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(web);
        endpoint.Listen(kestrel, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            web.Listening(listen);
        });
    }

    /// <summary>
    /// Maps the web routes, each kept to the HTTP endpoint. The page is static and open; its event stream needs the
    /// supervisor or admin role when authentication is on (the page sends the token in an Authorization header,
    /// never in the URL). <c>/metrics</c> is open to the scraper: counts and latencies, no customer data.
    /// </summary>
    public static WebApplication MapRoutingWeb(this WebApplication app, bool authenticated)
    {
        ArgumentNullException.ThrowIfNull(app);
        var web = app.Services.GetRequiredService<HttpEndpointOnly>();
        app.Use(web.Filter);
        app.MapGet(SupervisorPagePath, SupervisorPage.Page).WithMetadata(HttpEndpointOnly.Marker);
        var stream = app.MapGet(
            SupervisorStreamPath,
            (SupervisorPage page, CancellationToken cancellationToken) => TypedResults.ServerSentEvents(page.UpdatesAsync(cancellationToken), eventType: "stats"))
            .WithMetadata(HttpEndpointOnly.Marker);
        if (authenticated)
        {
            stream.RequireAuthorization(policy => policy.RequireRole(ApiRoles.Supervisor, ApiRoles.Admin));
        }

        app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(HttpEndpointOnly.Marker);
        app.MapOrleansDashboardIfEnabled()?.WithMetadata(HttpEndpointOnly.Marker);
        return app;
    }
}
