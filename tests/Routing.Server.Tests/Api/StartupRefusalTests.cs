using System.Diagnostics;
using Grpc.Net.Client;
using Routing.Api.V1;
using Routing.Server.Hosting;
using Routing.Server.Tests.Crash;

namespace Routing.Server.Tests.Api;

/// <summary>
/// localhost is an endpoint like 127.0.0.1; a setting the server cannot use ends the process with a line naming the
/// setting and exit code 78 (EX_CONFIG), not an unhandled exception that aborts it.
/// </summary>
public sealed class StartupRefusalTests
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Localhost_endpoints_are_listened_on_and_serve()
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        await using var app = RoutingServer.Build(
        [
            $"--Routing:Server:GrpcEndpoint=http://localhost:{grpcPort}",
            $"--Routing:Server:HttpEndpoint=http://localhost:{httpPort}",
            .. IsolatedServerArguments.In(directory),
        ]);
        await app.StartAsync();

        using var channel = GrpcChannel.ForAddress($"http://localhost:{grpcPort}");
        Assert.NotNull(await new Supervisor.SupervisorClient(channel).ListQueuesAsync(new ListQueuesRequest()));
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri($"http://localhost:{httpPort}/metrics"))).IsSuccessStatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("--Routing:Server:GrpcEndpoint=http://router.example:50051", "The router did not start: Routing:Server:GrpcEndpoint must be http://<IP address or localhost>:<port>")]
    [InlineData("--Routing:QueueDefaults:OfferTimeout=1000.00:00:00", "The router did not start: Routing:QueueDefaults:OfferTimeout of 1000 d is out of range 1 s to 1 d")]
    public async Task A_setting_it_cannot_use_ends_the_process_with_exit_code_78_and_a_line_naming_it(string setting, string line)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(ServerUnderTest.ServerAssembly);
        foreach (var argument in IsolatedServerArguments.In(directory).Prepend($"--Routing:Server:GrpcEndpoint=http://127.0.0.1:{FreePort.Next()}").Append(setting))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(ExitDeadline);
        using var exited = new CancellationTokenSource(ExitDeadline);
        await process.WaitForExitAsync(exited.Token);
        await output;

        Assert.Equal(StartupRefusal.ConfigurationExitCode, process.ExitCode);
        Assert.Contains(line, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }
}
