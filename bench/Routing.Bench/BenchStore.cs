using Microsoft.Data.Sqlite;
using Npgsql;

namespace Routing.Bench;

/// <summary>
/// A store the server runs on, and how to count its writes: every write bumps a row's version by one and an insert
/// starts at one, so the sum of versions per grain state is the number of writes of that state.
/// </summary>
internal abstract class BenchStore : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>Server arguments that put the silo on this store.</summary>
    public abstract IReadOnlyList<string> ServerArguments { get; }

    public abstract Task<Dictionary<string, long>> WritesByGrainStateAsync();

    public abstract ValueTask DisposeAsync();

    public sealed class Sqlite : BenchStore
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-bench", Guid.NewGuid().ToString("N"));

        private string Database => Path.Combine(directory, "routing.db");

        public override string Name => "embedded SQLite";

        public override IReadOnlyList<string> ServerArguments => [$"--Routing:Storage:Sqlite:DatabasePath={Database}"];

        public override async Task<Dictionary<string, long>> WritesByGrainStateAsync()
        {
            await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT GrainType, SUM(Version) FROM GrainState GROUP BY GrainType";
            return await ReadAsync(command);
        }

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A fresh database on the given server, dropped afterwards.</summary>
    public sealed class PostgreSql(string serverConnectionString) : BenchStore
    {
        private readonly string database = $"routing_bench_{Guid.NewGuid():N}";

        private string ConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

        public override string Name => "PostgreSQL";

        public override IReadOnlyList<string> ServerArguments =>
        [
            $"--Routing:Storage:PostgreSql:ConnectionString={ConnectionString}",
            "--Routing:Storage:PostgreSql:ApplySchemaOnStart=true",
        ];

        public async Task CreateAsync() => await ExecuteOnServerAsync($"CREATE DATABASE {database}");

        public override async Task<Dictionary<string, long>> WritesByGrainStateAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT grain_type, SUM(version)::bigint FROM grain_state GROUP BY grain_type", connection);
            return await ReadAsync(command);
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        private async Task ExecuteOnServerAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Dictionary<string, long>> ReadAsync(System.Data.Common.DbCommand command)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }
}
