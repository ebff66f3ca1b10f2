using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Routing.Server.Hosting;

/// <summary>
/// An endpoint the server listens on, from its setting: scheme://host:port where the host is an IP address, or
/// localhost for both loopback addresses (127.0.0.1 and ::1, as Kestrel's ListenLocalhost). Any other host name is
/// refused naming the setting: a listener binds addresses, and a name could resolve to anything.
/// </summary>
/// <param name="Address">Null for localhost.</param>
public sealed record ListenEndpoint(Uri Uri, IPAddress? Address)
{
    public bool IsLoopback => Address is null || IPAddress.IsLoopback(Address);

    /// <exception cref="InvalidOperationException">The value is not scheme://(IP address or localhost):port.</exception>
    public static ListenEndpoint Parse(string value, string setting, string example)
    {
        IPAddress? address = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/"
            || (!string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(uri.Host, out address)))
        {
            throw new InvalidOperationException($"{setting} must be {example.Split("://")[0]}://<IP address or localhost>:<port>, e.g. {example}, not '{value}'.");
        }

        return new ListenEndpoint(uri, address);
    }

    public void Listen(KestrelServerOptions kestrel, Action<ListenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (Address is null)
        {
            kestrel.ListenLocalhost(Uri.Port, configure);
        }
        else
        {
            kestrel.Listen(Address, Uri.Port, configure);
        }
    }

    public override string ToString() => Uri.ToString();
}
