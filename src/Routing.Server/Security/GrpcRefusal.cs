using System.Globalization;

namespace Routing.Server.Security;

/// <summary>
/// A gRPC answer written by ASP.NET Core middleware that stops a call before it reaches a service: trailers-only
/// (the status in the headers, no message), so clients read the gRPC status and its message rather than a bare
/// HTTP 401, 403 or 429.
/// </summary>
public static class GrpcRefusal
{
    public static void Write(HttpResponse response, StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = message;
    }
}
