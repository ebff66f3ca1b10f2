using Microsoft.Data.Sqlite;
using Routing.Server.Storage;

namespace Routing.Server.Tests.Storage;

public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task Applying_the_schema_twice_keeps_rows_and_drops_the_statements_earlier_versions_kept()
    {
        using var database = new TestDatabase();
        var connectionString = $"Data Source={database.DatabasePath}";

        await SqliteSchema.EnsureCreatedAsync(connectionString, CancellationToken.None);
        using (var connection = database.Open())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                CREATE TABLE OrleansQuery (QueryKey TEXT NOT NULL PRIMARY KEY, QueryText TEXT NOT NULL);
                INSERT INTO GrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, PayloadJson, Version, ModifiedOn)
                VALUES ('svc', 'agent', 0, 0, 'a-1', '{"Name":"kept"}', 4, '2025-01-01T00:00:00.000Z')
                """;
            insert.ExecuteNonQuery();
        }

        await SqliteSchema.EnsureCreatedAsync(connectionString, CancellationToken.None);

        using var check = database.Open();
        Assert.Equal("wal", Scalar(check, "PRAGMA journal_mode"));
        Assert.Equal("GrainState,GrainEntry", Scalar(check, "SELECT group_concat(name, ',') FROM sqlite_schema WHERE type = 'table'"));
        Assert.Equal("1|{\"Name\":\"kept\"}|4", Scalar(check, "SELECT COUNT(*) || '|' || PayloadJson || '|' || Version FROM GrainState"));
    }

    [Fact]
    public async Task Silos_starting_together_on_one_new_file_all_get_the_schema()
    {
        using var database = new TestDatabase();
        var connectionString = $"Data Source={database.DatabasePath};Default Timeout=30";

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SqliteSchema.EnsureCreatedAsync(connectionString, CancellationToken.None))));

        using var check = database.Open();
        Assert.Equal("wal", Scalar(check, "PRAGMA journal_mode"));
        Assert.Equal(0L, Scalar(check, "SELECT COUNT(*) FROM GrainState"));
    }

    [Fact]
    public async Task The_table_refuses_a_payload_that_is_not_json()
    {
        using var database = new TestDatabase();
        await SqliteSchema.EnsureCreatedAsync($"Data Source={database.DatabasePath}", CancellationToken.None);

        using var connection = database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO GrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, PayloadJson, Version, ModifiedOn)
            VALUES ('svc', 'agent', 0, 0, 'a-1', 'not json', 1, '2025-01-01T00:00:00.000Z')
            """;
        var error = Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());
        Assert.Contains("CHECK constraint failed", error.Message, StringComparison.Ordinal);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
