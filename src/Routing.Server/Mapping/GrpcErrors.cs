using System.Diagnostics.CodeAnalysis;

namespace Routing.Server.Mapping;

/// <summary>The one place grain replies and bad input become gRPC statuses.</summary>
public static class GrpcErrors
{
    [DoesNotReturn]
    public static void InvalidArgument(string message) => throw new RpcException(new Status(StatusCode.InvalidArgument, message));

    [DoesNotReturn]
    public static void NotFound(string message) => throw new RpcException(new Status(StatusCode.NotFound, message));

    public static void ThrowIfFailed(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsOk)
        {
            throw new RpcException(new Status(ToStatusCode(reply.Status), reply.Message));
        }
    }

    public static T ValueOrThrow<T>(Reply<T> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsOk)
        {
            throw new RpcException(new Status(ToStatusCode(reply.Status), reply.Message));
        }

        return reply.Value!;
    }

    private static StatusCode ToStatusCode(ReplyStatus status) => status switch
    {
        ReplyStatus.NotFound => StatusCode.NotFound,
        ReplyStatus.InvalidArgument => StatusCode.InvalidArgument,
        ReplyStatus.FailedPrecondition => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };
}
