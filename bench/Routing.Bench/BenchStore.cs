using Microsoft.Data.Sqlite;
using Npgsql;

namespace Routing.Bench;

/// <summary>A store the server runs on, and its floor: the raw single-row write loop.</summary>
internal abstract class BenchStore : IAsyncDisposable
{
    public abstract string Name { get; }

    /// <summary>Server arguments that put the silo on this store.</summary>
    public abstract IReadOnlyList<string> ServerArguments { get; }

    /// <summary>
    /// The store's floor: <paramref name="workers"/> concurrent callers each updating one row of their own, one
    /// committed transaction per write, for <paramref name="duration"/>.
    /// </summary>
    /// <returns>Writes committed per second.</returns>
    public abstract Task<double> RawWritesPerSecondAsync(int workers, TimeSpan duration);

    public abstract ValueTask DisposeAsync();

    public sealed class Sqlite : BenchStore
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-bench", Guid.NewGuid().ToString("N"));

        private string Database => Path.Combine(directory, "routing.db");

        public override string Name => "embedded SQLite";

        public override IReadOnlyList<string> ServerArguments => [$"--Routing:Storage:Sqlite:DatabasePath={Database}"];

        // SQLite takes one writer at a time, so the callers share one connection (as the server's writes do): more
        // connections would only add lock waits, not throughput.
        public override async Task<double> RawWritesPerSecondAsync(int workers, TimeSpan duration)
        {
            await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
            await connection.OpenAsync();
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); "
                    + string.Concat(Enumerable.Range(0, workers).Select(i => $"INSERT OR IGNORE INTO bench_raw VALUES ({i}, 0);"));
                await setup.ExecuteNonQueryAsync();
            }

            using var writer = new SemaphoreSlim(1);
            return await CallLoop.RateAsync(workers, duration, async worker =>
            {
                await writer.WaitAsync();
                try
                {
                    await using var update = connection.CreateCommand();
                    update.CommandText = "UPDATE bench_raw SET n = n + 1 WHERE id = $id";
                    update.Parameters.AddWithValue("$id", worker);
                    await update.ExecuteNonQueryAsync();
                }
                finally
                {
                    writer.Release();
                }
            });
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

        public override async Task<double> RawWritesPerSecondAsync(int workers, TimeSpan duration)
        {
            await ExecuteAsync("CREATE TABLE IF NOT EXISTS bench_raw (id integer PRIMARY KEY, n bigint NOT NULL); "
                + $"INSERT INTO bench_raw SELECT g, 0 FROM generate_series(0, {workers - 1}) g ON CONFLICT DO NOTHING");
            await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
            return await CallLoop.RateAsync(workers, duration, async worker =>
            {
                await using var update = dataSource.CreateCommand("UPDATE bench_raw SET n = n + 1 WHERE id = $1");
                update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = worker });
                await update.ExecuteNonQueryAsync();
            });
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        private async Task ExecuteOnServerAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
