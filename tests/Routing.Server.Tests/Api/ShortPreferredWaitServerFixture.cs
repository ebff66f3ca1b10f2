namespace Routing.Server.Tests.Api;

/// <summary>An empty server whose contacts wait only briefly for their preferred agent.</summary>
public sealed class ShortPreferredWaitServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan PreferredAgentWait = TimeSpan.FromSeconds(2);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false, [$"--Routing:Grains:PreferredAgentWait={PreferredAgentWait:c}"]);
        await Server.StartAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
