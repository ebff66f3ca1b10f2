using System.Diagnostics;
using Routing.Server.Hosting;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The server's <c>health</c> subcommand, as a container's HEALTHCHECK runs it: exit 0 only when the asked service is
/// SERVING, otherwise non-zero with the reason on one line.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HealthProbeCommandTests(ServerFixture fixture)
{
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("")]
    [InlineData(RoutingHealthExtensions.LivenessService)]
    [InlineData("routing.v1.Routing")]
    public async Task A_running_server_is_reported_serving_with_exit_code_0(string service)
    {
        var (code, output, error) = await ProbeAsync("--address", fixture.Server.Address, "--service", service);

        Assert.Equal(HealthProbeCommand.Serving, code);
        Assert.Contains("SERVING", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task A_port_nothing_listens_on_exits_non_zero_saying_it_cannot_be_reached()
    {
        var (code, output, error) = await ProbeAsync("--address", $"http://127.0.0.1:{FreePort.Next()}", "--timeout-seconds", "10");

        Assert.Equal(HealthProbeCommand.NotServing, code);
        Assert.Empty(output);
        Assert.Contains("cannot be reached", OneLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_service_exits_non_zero_saying_the_server_does_not_report_it()
    {
        var (code, _, error) = await ProbeAsync("--address", fixture.Server.Address, "--service", "routing.v1.Nothing");

        Assert.Equal(HealthProbeCommand.NotServing, code);
        Assert.Contains("'routing.v1.Nothing'", OneLine(error), StringComparison.Ordinal);
        Assert.Contains("is not a service this server reports on", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout-seconds", "0")]
    [InlineData("--address", "127.0.0.1:50051")]
    public async Task Bad_arguments_exit_with_the_usage_code(string name, string value)
    {
        var (code, _, error) = await ProbeAsync(name, value);

        Assert.Equal(HealthProbeCommand.UsageError, code);
        Assert.Contains("usage: health", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_binary_runs_the_probe_as_its_health_subcommand()
    {
        // The HEALTHCHECK's own command line: the published server's dll with "health" first.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Routing.Server.dll"), HealthProbeCommand.Name, "--address", fixture.Server.Address])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(ProcessDeadline);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);

        Assert.True(process.ExitCode == HealthProbeCommand.Serving, $"exit code {process.ExitCode}: {await error}");
        Assert.Contains("SERVING", await output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> ProbeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HealthProbeCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string OneLine(string text)
    {
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return lines[0];
    }
}
