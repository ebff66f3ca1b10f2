using Routing.Server.Tests.Web;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The command line as users get it: packed as a .NET tool, installed from that package alone, and run against the
/// demo center. Packing builds the CLI, so this one test takes a while.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CliToolTests(ServerFixture fixture) : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", "cli-tool-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_packed_tool_installs_into_a_tool_path_and_lists_the_demo_queues()
    {
        var feed = Path.Combine(directory, "feed");
        var toolPath = Path.Combine(directory, "tools");
        // Debug: the configuration the solution's build just produced, so packing has little left to build.
        var pack = await ExternalProcess.RunAsync("dotnet", ["pack", Path.Combine(Repository.Root(), "tools", "Routing.Cli"), "-c", "Debug", "-o", feed], PackTimeout);
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack.Output}\n{pack.Errors}");
        Assert.Single(Directory.GetFiles(feed, "Routing.Cli.*.nupkg"));

        // A tool path of its own installs from the package's own store, never from a stale copy in the NuGet cache.
        var install = await ExternalProcess.RunAsync("dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", feed, "Routing.Cli"], PackTimeout);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install.Output}\n{install.Errors}");
        Assert.Contains("routing", install.Output, StringComparison.Ordinal);

        var queues = await ExternalProcess.RunAsync(Path.Combine(toolPath, "routing"), ["queues", "--server", fixture.Server.Address], RunTimeout);
        Assert.True(queues.ExitCode == 0, $"routing queues failed:\n{queues.Output}\n{queues.Errors}");
        var lines = queues.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("billing-es  Facturación (Español) voice,email", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("sales-en", StringComparison.Ordinal) && l.Contains("waiting", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Packing failed before creating it.
        }
    }
}
