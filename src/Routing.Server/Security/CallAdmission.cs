using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Routing.Server.Hosting;

namespace Routing.Server.Security;

/// <summary>
/// Admission control through ASP.NET Core's rate limiting, per caller (the token's subject, or the remote address
/// when authentication is off) and overall. Unary calls: as many in flight as keep their latency within
/// <see cref="RoutingServerOptions.CallLatencyTarget"/> and <see cref="RoutingServerOptions.CallSlowdownTolerance"/>
/// times their method's unloaded latency (<see cref="LatencyBoundedConcurrencyLimiter"/>, at most
/// <see cref="RoutingServerOptions.MaxCallsInFlight"/>) and <see cref="RoutingServerOptions.MaxCallsInFlightPerCaller"/>
/// per caller; past either the call is shed at once, before any work, with RESOURCE_EXHAUSTED (never queued: a
/// queued call only waits out its deadline while it holds memory). The desktops' calls (the Agents service) have an
/// overall limit of their own (<see cref="RoutingServerOptions.MaxDesktopCallsInFlight"/>): they finish work already
/// admitted, so a flood of new routes must not shed them (that would only grow the line it floods).
/// Server streams: at most <see cref="RoutingServerOptions.MaxStreamsPerCaller"/> open per caller.
/// </summary>
public sealed class CallAdmission : IDisposable
{
    public const string StreamPolicy = "streams-per-caller";

    // Streams and anything that is not a gRPC method translate to this key, which no limiter counts.
    private const string Unlimited = "";
    private const string DesktopService = "routing.v1.Agents";
    private const string DesktopClass = "desktop";
    private const string CallsClass = "calls";
    private const char ClassSeparator = '|';

    private readonly RoutingServerOptions options;
    private readonly LatencyBoundedConcurrencyLimiter calls;
    private readonly PartitionedRateLimiter<string> allCalls;
    private readonly PartitionedRateLimiter<string> perCaller;

    public CallAdmission(IOptions<RoutingServerOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        calls = new LatencyBoundedConcurrencyLimiter(
            new LatencyBoundedLimit(
                this.options.MinCallsInFlight, this.options.MaxCallsInFlight, this.options.CallLatencyTarget, this.options.CallSlowdownTolerance, this.options.CallLatencyWindow),
            clock);
        allCalls = PartitionedRateLimiter.Create<string, string>(key => key == Unlimited
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : ClassOf(key) == DesktopClass
                ? RateLimitPartition.Get(DesktopClass, _ => calls.ForFixed(this.options.MaxDesktopCallsInFlight))
                : RateLimitPartition.Get(key[..CallerStart(key)], _ => calls.For(MethodOf(key))));
        perCaller = PartitionedRateLimiter.Create<string, string>(key => key == Unlimited
            ? RateLimitPartition.GetNoLimiter(Unlimited)
            : RateLimitPartition.GetConcurrencyLimiter(CallerOf(key), _ => new ConcurrencyLimiterOptions { PermitLimit = this.options.MaxCallsInFlightPerCaller, QueueLimit = 0 }));
        UnaryCalls = PartitionedRateLimiter.CreateChained(perCaller, allCalls);
    }

    /// <summary>The unary-call limiter, keyed by <see cref="Key"/>: a permit held here is a call in flight.</summary>
    public PartitionedRateLimiter<string> UnaryCalls { get; }

    /// <summary>
    /// What <see cref="UnaryCalls"/> counts a call by: whether it is a desktop's, its method (one of the server's
    /// own, so a bounded set: unloaded latencies are learned per method), and its caller.
    /// </summary>
    public static string Key(string caller, string method, bool desktop) =>
        (desktop ? DesktopClass : CallsClass) + ClassSeparator + method + ClassSeparator + caller;

    public static string Caller(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.FindFirst(ApiRoles.SubjectClaim)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>Wires the limiters into ASP.NET Core's rate-limiting middleware.</summary>
    public void Configure(RateLimiterOptions limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        limiter.GlobalLimiter = UnaryCalls.WithTranslatedKey<HttpContext>(
            context => ApiAccess.MethodOf(context) is { Type: MethodType.Unary } method && !IsInfrastructure(method)
                ? Key(Caller(context), method.FullName, method.ServiceName == DesktopService)
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

    // Health probes and reflection are never shed: a server shedding load must still tell its load balancer how it is.
    private static bool IsInfrastructure(IMethod method) => method.ServiceName.StartsWith("grpc.", StringComparison.Ordinal);

    private static string ClassOf(string key) => key[..key.IndexOf(ClassSeparator, StringComparison.Ordinal)];

    private static string MethodOf(string key) => key[(key.IndexOf(ClassSeparator, StringComparison.Ordinal) + 1)..(CallerStart(key) - 1)];

    private static string CallerOf(string key) => key[CallerStart(key)..];

    // After the second separator: a caller (a token's subject) may hold the separator itself.
    private static int CallerStart(string key) => key.IndexOf(ClassSeparator, key.IndexOf(ClassSeparator, StringComparison.Ordinal) + 1) + 1;

    public void Dispose()
    {
        UnaryCalls.Dispose();
        perCaller.Dispose();
        allCalls.Dispose();
    }

    private string RefusalMessage(HttpContext context)
    {
        var method = ApiAccess.MethodOf(context);
        if (method?.Type != MethodType.Unary)
        {
            return string.Create(CultureInfo.InvariantCulture, $"this caller already has {options.MaxStreamsPerCaller} streams open, the most allowed; close one first");
        }

        var desktop = method.ServiceName == DesktopService;
        if (allCalls.GetStatistics(Key(Caller(context), method.FullName, desktop))?.CurrentAvailablePermits != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"this caller already has {options.MaxCallsInFlightPerCaller} calls in flight, the most allowed; retry after a moment");
        }

        return desktop
            ? string.Create(CultureInfo.InvariantCulture, $"the server is at its limit of {options.MaxDesktopCallsInFlight} desktop calls in flight; retry after a moment")
            : string.Create(CultureInfo.InvariantCulture, $"the server is at its limit of {calls.Limit} calls in flight (as many as keep calls within {options.CallLatencyTarget.TotalMilliseconds:0} ms and {options.CallSlowdownTolerance:0.#} × their unloaded latency); retry after a moment");
    }
}
