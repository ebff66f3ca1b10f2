using Npgsql;

namespace Routing.Server.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests run against, named by the environment variable
/// <see cref="VariableName"/>. Without one these tests fail, in CI and locally alike, with a message saying how to
/// get one: a store the product depends on is never skipped silently.
/// </summary>
public static class PostgresTestServer
{
    public const string VariableName = "ROUTING_TEST_POSTGRES";

    private const string StartCommand = "eval \"$(bash tools/postgres-test-env.sh)\"";

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
            throw new InvalidOperationException(inCi
                ? $"PostgreSQL is not reachable: {VariableName} is not set. .ci/run starts a throwaway PostgreSQL and sets it; "
                  + "the PostgreSQL tests must run in CI, so they fail instead of skipping."
                : $"PostgreSQL is not reachable: {VariableName} is not set. Start a throwaway PostgreSQL on 127.0.0.1:54329 "
                  + $"and export the variable with `{StartCommand}` (from the repository root, in this shell), then run the tests "
                  + "again; `bash tools/postgres-test-env.sh stop` removes it.");
        }
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
