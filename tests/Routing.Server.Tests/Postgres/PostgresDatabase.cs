using Npgsql;

namespace Routing.Server.Tests.Postgres;

/// <summary>A fresh, empty database <c>routing_&lt;guid&gt;</c> on the test server, dropped on dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Lower case: PostgreSQL folds unquoted names, and the name is used unquoted.</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server settings that put a <see cref="Api.ServerProcess"/> on this database.</summary>
    public IReadOnlyList<string> ServerArguments =>
    [
        $"--Routing:Storage:PostgreSql:ConnectionString={ConnectionString}",
        "--Routing:Storage:PostgreSql:ApplySchemaOnStart=true",
    ];

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var name = $"routing_{Guid.NewGuid():N}";
        await using (var admin = await PostgresTestServer.OpenAsync())
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connectionString);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections of this database would keep it in use; FORCE ends any a stopped silo left behind.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var admin = await PostgresTestServer.OpenAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
