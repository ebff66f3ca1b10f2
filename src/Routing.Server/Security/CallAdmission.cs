using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Routing.Server.Hosting;

namespace Routing.Server.Security;

/// <summary>
/// Admission control through ASP.NET Core's concurrency limiters, per caller (the token's subject, or the remote
/// address when authentication is off) and overall. Unary calls: at most <see cref="RoutingServerOptions.MaxCallsInFlight"/>
/// in flight and <see cref="RoutingServerOptions.MaxCallsInFlightPerCaller"/> per caller; past either the call is shed
/// at once, before any work, with RESOURCE_EXHAUSTED (never queued: a queued call only waits out its deadline while
/// it holds memory). The desktops' calls (the Agents service) have an overall limit of their own: they finish work
/// already admitted, so a flood of new routes must not shed them (that would only grow the line it floods).
/// Server streams: at most <see cref="RoutingServerOptions.MaxStreamsPerCaller"/> open per caller.
/// </summary>
public sealed class CallAdmission : IDisposable
{
    public const string StreamPolicy = "streams-per-caller";

    // Streams and anything that is not a gRPC method translate to this key, which no limiter counts.
    private const string Unlimited = "";
    private const string DesktopService = "routing.v1.Agents";
    private const char ClassSeparator = '|';

    private readonly RoutingServerOptions options;
    private readonly PartitionedRateLimiter<string> allCalls;
    private readonly PartitionedRateLimiter<string> perCaller;

    public CallAdmission(IOptions<RoutingServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        allCalls = PartitionedRateLimiter.Create<string, string>(key => key == Unlimited
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : RateLimitPartition.GetConcurrencyLimiter(ClassOf(key), _ => new ConcurrencyLimiterOptions { PermitLimit = this.options.MaxCallsInFlight, QueueLimit = 0 }));
        perCaller = PartitionedRateLimiter.Create<string, string>(key => key == Unlimited
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : RateLimitPartition.GetConcurrencyLimiter(CallerOf(key), _ => new ConcurrencyLimiterOptions { PermitLimit = this.options.MaxCallsInFlightPerCaller, QueueLimit = 0 }));
        UnaryCalls = PartitionedRateLimiter.CreateChained(perCaller, allCalls);
    }

    /// <summary>The unary-call limiter, keyed by <see cref="Key"/>: a permit held here is a call in flight.</summary>
    public PartitionedRateLimiter<string> UnaryCalls { get; }

    /// <summary>What <see cref="UnaryCalls"/> counts a call by: its caller, and whether it is a desktop's.</summary>
    public static string Key(string caller, bool desktop) => (desktop ? "desktop" : "calls") + ClassSeparator + caller;

    public static string Caller(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.FindFirst("sub")?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>Wires the limiters into ASP.NET Core's rate-limiting middleware.</summary>
    public void Configure(RateLimiterOptions limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        limiter.GlobalLimiter = UnaryCalls.WithTranslatedKey<HttpContext>(
            context => ApiAccess.MethodOf(context) is { Type: MethodType.Unary } method
                ? Key(Caller(context), method.ServiceName == DesktopService)
                : Unlimited,
            leaveOpen: true);
        limiter.AddPolicy(StreamPolicy, context =>
            ApiAccess.MethodOf(context)?.Type is MethodType.ServerStreaming or MethodType.DuplexStreaming
                ? RateLimitPartition.GetConcurrencyLimiter(Caller(context), _ => new ConcurrencyLimiterOptions { PermitLimit = options.MaxStreamsPerCaller, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        limiter.OnRejected = (rejected, _) =>
        {
            GrpcRefusal.Write(rejected.HttpContext.Response, StatusCode.ResourceExhausted, RefusalMessage(rejected.HttpContext));
            return ValueTask.CompletedTask;
        };
    }

    private static string ClassOf(string key) => key[..key.IndexOf(ClassSeparator, StringComparison.Ordinal)];

    private static string CallerOf(string key) => key[(key.IndexOf(ClassSeparator, StringComparison.Ordinal) + 1)..];

    public void Dispose()
    {
        UnaryCalls.Dispose();
        perCaller.Dispose();
        allCalls.Dispose();
    }

    private string RefusalMessage(HttpContext context) =>
        ApiAccess.MethodOf(context)?.Type != MethodType.Unary
            ? string.Create(CultureInfo.InvariantCulture, $"this caller already has {options.MaxStreamsPerCaller} streams open, the most allowed; close one first")
            : allCalls.GetStatistics(Key(Caller(context), ApiAccess.MethodOf(context)?.ServiceName == DesktopService))?.CurrentAvailablePermits == 0
                ? string.Create(CultureInfo.InvariantCulture, $"the server is at its limit of {options.MaxCallsInFlight} calls in flight; retry after a moment")
                : string.Create(CultureInfo.InvariantCulture, $"this caller already has {options.MaxCallsInFlightPerCaller} calls in flight, the most allowed; retry after a moment");
}
