using Microsoft.AspNetCore.Builder;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The real server (ASP.NET Core + co-hosted silo + SQLite storage) on loopback ports of its own, and a real gRPC
/// client to it. Restartable on the same database file.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly string[] args;
    private WebApplication? app;

    public ServerProcess(string databasePath, bool seed)
    {
        DatabasePath = databasePath;
        var grpcPort = FreePort.Next();
        Address = $"http://127.0.0.1:{grpcPort}";
        args =
        [
            $"--Routing:Server:GrpcEndpoint={Address}",
            $"--Routing:Server:SiloPort={FreePort.Next()}",
            $"--Routing:Server:GatewayPort={FreePort.Next()}",
            $"--Routing:Server:ClusterId=test-{Guid.NewGuid():N}",
            $"--Routing:Server:SeedFile={(seed ? "seeds/demo-center.json" : string.Empty)}",
            "--Routing:Server:WatchRefreshInterval=00:00:01",
            $"--Routing:Storage:Sqlite:DatabasePath={databasePath}",
            "--Logging:LogLevel:Default=Warning",
        ];
    }

    public string Address { get; }

    public string DatabasePath { get; }

    public RoutingClient Client { get; private set; } = null!;

    public async Task StartAsync()
    {
        app = RoutingServer.Build(args);
        await app.StartAsync();
        Client = RoutingClient.Connect(Address);
    }

    public async Task StopAsync()
    {
        Client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
