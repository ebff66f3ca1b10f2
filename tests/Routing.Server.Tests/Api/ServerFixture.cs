namespace Routing.Server.Tests.Api;

/// <summary>One server with the demo contact center for the whole collection; tests isolate by unique ids.</summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
    private readonly bool seed;
    private readonly IReadOnlyList<string> arguments;
    private readonly TimeProvider? clock;

    public ServerFixture()
        : this(seed: true, [], clock: null)
    {
    }

    /// <param name="seed">Whether to load the demo contact center.</param>
    /// <param name="arguments">Settings given to the server after the test defaults.</param>
    /// <param name="clock">The routing's clock, for tests that drive time; the system's by default.</param>
    protected ServerFixture(bool seed, IReadOnlyList<string> arguments, TimeProvider? clock)
    {
        this.seed = seed;
        this.arguments = arguments;
        this.clock = clock;
    }

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(directory, "routing.db"), seed, arguments, clock);
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
