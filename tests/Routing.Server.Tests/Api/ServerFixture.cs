namespace Routing.Server.Tests.Api;

/// <summary>One server with the demo contact center for the whole collection; tests isolate by unique ids.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: true);
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection pool; the temp folder is cleaned by the OS.
        }
    }
}
