using System.Text.RegularExpressions;
using Routing.Server.Tests.Tools;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Every <c>buf curl</c> line of README.md and docs/operations.md, run as written (only the address is the test
/// server's) in their order against a fresh server with the demo center: discovery through reflection, health, calls.
/// </summary>
public sealed partial class DocumentedBufCurlTests
{
    private const string ReadmeAddress = "http://127.0.0.1:50051";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    // What each kind of line must print, beyond exiting 0: the line's method (or flag) -> a fragment of its answer.
    private static readonly (string Line, string Output)[] Expected =
    [
        ("--list-services", "routing.v1.Routing"),
        ("--list-services", "grpc.health.v1.Health"),
        ("--list-methods", "routing.v1.Supervisor/WatchQueueStats"),
        ("grpc.health.v1.Health/Check", "\"SERVING\""),
        ("routing.v1.Routing/NavigateIvr", "\"queueId\": \"billing-es\""),
        ("routing.v1.Routing/RouteContact", "\"contactId\""),
        ("routing.v1.Routing/GetQueueEstimate", "\"queueId\": \"sales-en\""),
    ];

    [Fact]
    public async Task Every_buf_curl_line_in_the_readme_and_the_operations_guide_works_as_written()
    {
        var lines = DocumentedLines();
        Assert.True(lines.Count >= 8, $"README and docs/operations.md have {lines.Count} buf curl lines");
        var buf = RepositoryTool.Buf.ExecutablePath;
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        await using var server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: true);
        await server.StartAsync();

        foreach (var line in lines)
        {
            var (exitCode, output) = await RunAsync(buf, line.Replace(ReadmeAddress, server.Address, StringComparison.Ordinal));

            Assert.True(exitCode == 0, $"'{line}' exited {exitCode}: {output}");
            foreach (var (fragment, answer) in Expected.Where(expected => line.Contains(expected.Line, StringComparison.Ordinal)))
            {
                Assert.True(output.Contains(answer, StringComparison.Ordinal), $"'{line}' printed no {answer}: {output}");
            }
        }

        Assert.All(Expected, expected => Assert.Contains(lines, line => line.Contains(expected.Line, StringComparison.Ordinal)));
    }

    private static List<string> DocumentedLines() =>
        [.. new[] { "README.md", Path.Combine("docs", "operations.md") }
            .SelectMany(file => File.ReadLines(Path.Combine(Repository.Root(), file)))
            .Where(line => BufCurlLine().IsMatch(line))];

    // The line through bash, as a reader pastes it, with `buf` being the one tools/buf-env.sh found.
    private static async Task<(int ExitCode, string Output)> RunAsync(string buf, string line)
    {
        var (exitCode, output, errors) = await ExternalProcess.RunAsync("bash", ["-c", $"'{buf}'{line["buf".Length..]}"], CommandTimeout);
        return (exitCode, output + errors);
    }

    [GeneratedRegex(@"^buf curl ")]
    private static partial Regex BufCurlLine();
}
