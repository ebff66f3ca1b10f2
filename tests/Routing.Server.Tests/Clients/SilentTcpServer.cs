using System.Net;
using System.Net.Sockets;

namespace Routing.Server.Tests.Clients;

/// <summary>
/// A loopback listener that accepts connections and never says a word: a router that hangs, for deadline tests.
/// </summary>
public sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public SilentTcpServer()
    {
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            accepting.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for the next connection.
        }

        lock (accepted)
        {
            accepted.ForEach(s => s.Dispose());
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            // Held open and unread until disposed, so the client sees a connection that answers nothing.
            var socket = await listener.AcceptSocketAsync(stop.Token);
            lock (accepted)
            {
                accepted.Add(socket);
            }
        }
    }
}
