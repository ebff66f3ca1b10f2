using System.Net;
using System.Net.Sockets;

namespace Routing.Server.Tests.Api;

/// <summary>Loopback ports nobody listens on, so servers in parallel test runs never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
