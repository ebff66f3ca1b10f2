using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Routing.Server.Mapping;

/// <summary>The one place grain replies and bad input become gRPC statuses.</summary>
public static class GrpcErrors
{
    /// <summary>INVALID_ARGUMENT for a rule that spans several fields: the message says which.</summary>
    [DoesNotReturn]
    public static void InvalidArgument(string message) => throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, message));

    /// <summary>
    /// INVALID_ARGUMENT for one field, with the standard rich error model beside the message: a google.rpc.Status
    /// carrying a google.rpc.BadRequest field violation (in the grpc-status-details-bin trailer), so a client or
    /// a form can point at the field without parsing the text.
    /// </summary>
    [DoesNotReturn]
    public static void InvalidArgument(string field, string message) =>
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = message } },
                }),
            },
        }.ToRpcException();

    [DoesNotReturn]
    public static void NotFound(string message) => throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, message));

    public static void ThrowIfFailed(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsOk)
        {
            throw new RpcException(new Grpc.Core.Status(ToStatusCode(reply.Status), reply.Message));
        }
    }

    public static T ValueOrThrow<T>(Reply<T> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!reply.IsOk)
        {
            throw new RpcException(new Grpc.Core.Status(ToStatusCode(reply.Status), reply.Message));
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
