using System.Diagnostics;
using Npgsql;

namespace Routing.Server.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests run against, named by the environment variable
/// <see cref="VariableName"/>. In CI, where .ci/run starts one, a missing variable fails these tests: a store the
/// product depends on is never skipped silently. Locally, without the variable, the tests start the same throwaway
/// server themselves (tools/postgres-test-env.sh) so that README's plain test command works on a fresh machine.
/// </summary>
public static class PostgresTestServer
{
    public const string VariableName = "ROUTING_TEST_POSTGRES";

    private const string StartCommand = "eval \"$(bash tools/postgres-test-env.sh)\"";

    // Installing PostgreSQL from apt on a fresh machine takes most of this.
    private static readonly TimeSpan LocalStartTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<string> LocalServer = new(StartLocalServer);

    /// <summary>The connection string of the server's maintenance database, where test databases are created.</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(VariableName);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            if (inCi)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL is not reachable: {VariableName} is not set. .ci/run starts a throwaway PostgreSQL and sets it; "
                    + "the PostgreSQL tests must run in CI, so they fail instead of skipping.");
            }

            return LocalServer.Value;
        }
    }

    /// <summary>Starts a throwaway server for this test run and stops it when the test process exits.</summary>
    private static string StartLocalServer()
    {
        var script = FindScript();
        var folder = Path.Combine(Path.GetTempPath(), $"routing-pg-tests-{Environment.ProcessId}");
        var output = RunScript(script, "start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScript(script, "stop", folder);
        return ConnectionStringIn(output);
    }

    /// <summary>The connection string in the export line tools/postgres-test-env.sh prints.</summary>
    internal static string ConnectionStringIn(string output)
    {
        const string Prefix = "export " + VariableName + "='";
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"tools/postgres-test-env.sh printed no connection string: {output}");
        return line[Prefix.Length..^1];
    }

    /// <summary>Runs tools/postgres-test-env.sh <paramref name="command"/> on the server kept in <paramref name="folder"/>; returns its output.</summary>
    internal static string RunScript(string script, string command, string folder, int? preferredPort = null)
    {
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ROUTING_PG_DIR"] = folder;
        if (preferredPort is { } port)
        {
            start.Environment["ROUTING_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(LocalStartTimeout))
        {
            process.Kill(entireProcessTree: true);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable: {VariableName} is not set and `bash tools/postgres-test-env.sh {command}` failed "
                + $"(exit {process.ExitCode}): {stderr.Result}. Start one yourself with `{StartCommand}`.");
        }

        return stdout.Result;
    }

    internal static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "tools", "postgres-test-env.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL is not reachable: {VariableName} is not set and tools/postgres-test-env.sh was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>An open connection to the maintenance database, or a failure saying the server is not reachable.</summary>
    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connectionString = ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at {settings.Host}:{settings.Port} (from {VariableName}): {ex.Message}. "
                + $"Start one with `{StartCommand}`.",
                ex);
        }
    }
}
