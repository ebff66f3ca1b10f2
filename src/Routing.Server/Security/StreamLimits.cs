using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Routing.Server.Security;

/// <summary>
/// At most <see cref="Hosting.RoutingServerOptions.MaxStreamsPerCaller"/> open server streams per caller (the token's
/// subject, or the remote address when authentication is off), through ASP.NET Core's concurrency limiter: one
/// client cannot hold the server's streams. Unary calls are not limited here.
/// </summary>
public static class StreamLimits
{
    public const string Policy = "streams-per-caller";

    public static IServiceCollection AddStreamLimits(this IServiceCollection services, int maxStreamsPerCaller)
    {
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
                ApiAccess.MethodOf(context)?.Type is MethodType.ServerStreaming or MethodType.DuplexStreaming
                    ? RateLimitPartition.GetConcurrencyLimiter(
                        Caller(context),
                        _ => new ConcurrencyLimiterOptions { PermitLimit = maxStreamsPerCaller, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = (rejected, _) =>
            {
                GrpcRefusal.Write(
                    rejected.HttpContext.Response,
                    StatusCode.ResourceExhausted,
                    string.Create(CultureInfo.InvariantCulture, $"this caller already has {maxStreamsPerCaller} streams open, the most allowed; close one first"));
                return ValueTask.CompletedTask;
            };
        });
    }

    private static string Caller(HttpContext context) =>
        context.User.FindFirst("sub")?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
