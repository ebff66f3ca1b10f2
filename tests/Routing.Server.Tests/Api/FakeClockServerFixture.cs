using Microsoft.Extensions.Time.Testing;

namespace Routing.Server.Tests.Api;

/// <summary>
/// One real server whose routing clock the tests drive. Desktops get the longest grace allowed (10 minutes), so agents
/// with no desktop stream stay Available while a test moves the clock by less.
/// </summary>
public sealed class FakeClockServerFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false, ["--Routing:Grains:DesktopGrace=00:10:00"], Clock);
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
