using System.Globalization;
using System.Text;

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
        response.Headers["grpc-message"] = PercentEncoded(message);
    }

    /// <summary>
    /// The message as the gRPC protocol carries it in a header: UTF-8, each byte outside printable ASCII (and '%')
    /// percent-encoded. Ours because Grpc.AspNetCore's encoder is internal; Kestrel refuses a raw non-ASCII header.
    /// </summary>
    public static string PercentEncoded(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.All(c => c is >= ' ' and <= '~' and not '%'))
        {
            return message;
        }

        var encoded = new StringBuilder(message.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= (byte)' ' and <= (byte)'~' and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
