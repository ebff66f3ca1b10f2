namespace Routing.Server.Tests.Postgres;

/// <summary>
/// A PostgreSQL server of one test's own (tools/postgres-test-env.sh in a folder of its own, on a port of its own),
/// so the test can stop and start it, as a store outage would, without touching the server other tests share.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    // Above the shared test server's 54329 and the ports it moves up to when that one is taken.
    private const int PreferredPort = 54360;

    private readonly string script = PostgresTestServer.FindScript();
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"routing-pg-private-{Guid.NewGuid():N}");

    private PrivatePostgresServer()
    {
    }

    /// <summary>The connection string of its one database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The settings that put a server process on this database, its schema applied at start.</summary>
    public IReadOnlyList<string> ServerArguments =>
    [
        $"--Routing:Storage:PostgreSql:ConnectionString={ConnectionString}",
        "--Routing:Storage:PostgreSql:ApplySchemaOnStart=true",
    ];

    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var server = new PrivatePostgresServer();
        var output = await Task.Run(() => PostgresTestServer.RunScript(server.script, "start", server.folder, PreferredPort));
        server.ConnectionString = PostgresTestServer.ConnectionStringIn(output);
        return server;
    }

    /// <summary>Stops the server at once, as a crash of the store would; its data stays for <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => Task.Run(() => PostgresTestServer.RunScript(script, "pause", folder));

    /// <summary>Starts the paused server again on its port and returns once it accepts connections.</summary>
    public Task ResumeAsync() => Task.Run(() => PostgresTestServer.RunScript(script, "resume", folder));

    public async ValueTask DisposeAsync() => await Task.Run(() => PostgresTestServer.RunScript(script, "stop", folder));
}
