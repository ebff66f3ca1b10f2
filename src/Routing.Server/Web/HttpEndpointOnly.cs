using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Routing.Server.Web;

/// <summary>
/// Keeps the web routes (the supervisor page, <c>/metrics</c>, the Orleans dashboard) to the HTTP/1.1 endpoint: asked
/// for on the gRPC endpoint they are not found, so the gRPC port serves gRPC only.
/// </summary>
/// <remarks>
/// Our own, because ASP.NET Core routes by host and port (<c>RequireHost</c>) only with the port known when the
/// routes are mapped, and the endpoint may be given port 0. Kestrel writes the bound port back into the listen options.
/// </remarks>
public sealed class HttpEndpointOnly
{
    private ListenOptions? listener;

    /// <summary>The metadata that marks a route as the HTTP endpoint's.</summary>
    public static readonly object Marker = new HttpEndpointOnlyMetadata();

    /// <summary>The HTTP endpoint's listener, once Kestrel is configured.</summary>
    public void Listening(ListenOptions options) => listener = options;

    /// <summary>Whether <paramref name="context"/> arrived on the HTTP endpoint.</summary>
    public bool IsOn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return listener?.IPEndPoint is { } bound && context.Connection.LocalPort == bound.Port;
    }

    /// <summary>A 404 for a web route asked for on another endpoint than the HTTP one.</summary>
    public Task Filter(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetEndpoint()?.Metadata.GetMetadata<HttpEndpointOnlyMetadata>() is not null && !IsOn(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private sealed class HttpEndpointOnlyMetadata;
}
