using Grpc.Core.Interceptors;

namespace Routing.Server.Mapping;

/// <summary>
/// A grain call that failed because its silo is gone (or not yet declared dead, so the call timed out) becomes
/// <c>Unavailable</c>: the client's retry policy tries again, which is safe because mutating calls carry request ids,
/// and succeeds once the grain is back on a surviving silo. Any other failure keeps its own status.
/// </summary>
public sealed partial class ClusterUnavailableInterceptor(ILogger<ClusterUnavailableInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (IsClusterUnavailable(ex))
        {
            throw Unavailable(context.Method, ex);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (IsClusterUnavailable(ex))
        {
            throw Unavailable(context.Method, ex);
        }
    }

    private static bool IsClusterUnavailable(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;

    private RpcException Unavailable(string method, Exception ex)
    {
        LogClusterUnavailable(logger, method, ex.GetType().Name, ex.Message);
        return new RpcException(new Status(StatusCode.Unavailable, $"the cluster could not reach a silo hosting this call's grains ({ex.GetType().Name}); retry: a surviving silo takes them over"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} answered Unavailable: {ExceptionType}: {Error}")]
    private static partial void LogClusterUnavailable(ILogger logger, string method, string exceptionType, string error);
}
