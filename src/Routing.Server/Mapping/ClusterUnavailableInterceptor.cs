using Orleans.Storage;
using Grpc.Core.Interceptors;

namespace Routing.Server.Mapping;

/// <summary>
/// A grain call that failed because its silo is gone (or not yet declared dead, so the call timed out), or because
/// the store did not confirm a write (<see cref="StoreUnavailableException"/>, after which the grain dropped its
/// activation), becomes <c>Unavailable</c>: the client's retry policy tries again, which is safe because mutating
/// calls carry request ids, and succeeds once the grain is back on a surviving silo or the store is back. Any other
/// failure keeps its own status, except a stored row that cannot be read (<see cref="StoredStateUnreadableException"/>):
/// <c>DataLoss</c>, which a retry does not mend.
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
        catch (Exception ex) when (Unreadable(ex) is { } unreadable)
        {
            throw DataLoss(context.Method, unreadable);
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
        catch (Exception ex) when (Unreadable(ex) is { } unreadable)
        {
            throw DataLoss(context.Method, unreadable);
        }
    }

    // Orleans may wrap the cause (an activation that failed to read its state, say): any exception in the chain counts.
    private static bool IsClusterUnavailable(Exception ex)
    {
        for (Exception? cause = ex; cause is not null; cause = cause.InnerException)
        {
            if (cause is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or StoreUnavailableException or InconsistentStateException)
            {
                return true;
            }
        }

        return false;
    }

    private static StoredStateUnreadableException? Unreadable(Exception ex)
    {
        for (Exception? cause = ex; cause is not null; cause = cause.InnerException)
        {
            if (cause is StoredStateUnreadableException unreadable)
            {
                return unreadable;
            }
        }

        return null;
    }

    private RpcException DataLoss(string method, StoredStateUnreadableException ex)
    {
        LogUnreadableState(logger, method, ex.Message);
        return new RpcException(new Status(StatusCode.DataLoss, ex.Message));
    }

    private RpcException Unavailable(string method, Exception ex)
    {
        LogClusterUnavailable(logger, method, ex.GetType().Name, ex.Message);
        var message = ex.GetBaseException() switch
        {
            StoreUnavailableException or InconsistentStateException =>
                $"the store did not confirm this change, so nothing of it may be assumed; retry with the same request id ({ex.Message})",

            // An internal call that outlived Orleans' response timeout: the router is overloaded, or a silo hangs.
            TimeoutException =>
                "an internal call timed out: the router is overloaded or a silo is not answering, so nothing of this call may be assumed; retry with the same request id",
            _ => $"the cluster could not reach a silo hosting this call's grains ({ex.GetType().Name}); retry: a surviving silo takes them over",
        };
        return new RpcException(new Status(StatusCode.Unavailable, message));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} answered DataLoss: {Error}")]
    private static partial void LogUnreadableState(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} answered Unavailable: {ExceptionType}: {Error}")]
    private static partial void LogClusterUnavailable(ILogger logger, string method, string exceptionType, string error);
}
