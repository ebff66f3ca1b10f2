using Microsoft.AspNetCore.Builder;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The real server (ASP.NET Core + co-hosted silo + SQLite storage) on loopback ports of its own, and a real gRPC
/// client to it. Restartable on the same database file (or, with extra arguments, the same PostgreSQL database).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    // A free port found by probing can be taken by a parallel test run before the server binds it; try afresh.
    private const int StartAttempts = 3;

    private readonly bool seed;
    private readonly IReadOnlyList<string> extraArguments;
    private readonly TimeProvider? clock;
    private WebApplication? app;

    /// <param name="databasePath">The SQLite file of the embedded default.</param>
    /// <param name="seed">Whether to load the demo contact center into an empty store.</param>
    /// <param name="extraArguments">Command-line settings given after the test defaults, so they win over them
    /// (for example a PostgreSQL connection string, or a cluster id shared by several servers).</param>
    /// <param name="clock">The routing's clock, for tests that drive time; the system's by default.</param>
    public ServerProcess(string databasePath, bool seed, IReadOnlyList<string>? extraArguments = null, TimeProvider? clock = null)
    {
        this.clock = clock;
        DatabasePath = databasePath;
        this.seed = seed;
        this.extraArguments = extraArguments ?? [];
    }

    public string Address { get; private set; } = string.Empty;

    /// <summary>The HTTP/1.1 endpoint: the supervisor page and <c>/metrics</c>.</summary>
    public string HttpAddress { get; private set; } = string.Empty;

    public string DatabasePath { get; }

    public RoutingClient Client { get; private set; } = null!;

    /// <summary>The running server's services (its silo's grain factory, for example).</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("the server is not running");

    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Address = $"http://127.0.0.1:{FreePort.Next()}";
            HttpAddress = $"http://127.0.0.1:{FreePort.Next()}";
            app = RoutingServer.Build(Arguments(), clock);
            try
            {
                await app.StartAsync();
                break;
            }
            catch (IOException) when (attempt < StartAttempts)
            {
                await app.DisposeAsync();
            }
            catch (Orleans.Runtime.OrleansException) when (attempt < StartAttempts)
            {
                await app.DisposeAsync();
            }
        }

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

    private string[] Arguments() =>
    [
        .. DefaultArguments(),
        .. extraArguments,
    ];

    private string[] DefaultArguments() =>
    [
        $"--Routing:Server:GrpcEndpoint={Address}",
        $"--Routing:Server:HttpEndpoint={HttpAddress}",
        $"--Routing:Server:SiloPort={FreePort.Next()}",
        $"--Routing:Server:GatewayPort={FreePort.Next()}",
        $"--Routing:Server:ClusterId=test-{Guid.NewGuid():N}",
        $"--Routing:Server:SeedFile={(seed ? "seeds/demo-center.json" : string.Empty)}",
        "--Routing:Server:WatchRefreshInterval=00:00:01",
        $"--Routing:Storage:Sqlite:DatabasePath={DatabasePath}",
        "--Logging:LogLevel:Default=Warning",
    ];
}
