using Npgsql;
using Routing.Server.Storage;

namespace Routing.Server.Tests.Postgres;

public sealed class PostgreSqlSchemaTests
{
    // Every statement Orleans' ADO.NET clustering provider looks up at start; the grain storage is the server's own.
    private const string ExpectedQueryKeys =
        "CleanupDefunctSiloEntriesKey,DeleteMembershipTableEntriesKey,GatewaysQueryKey,InsertMembershipKey,"
        + "InsertMembershipVersionKey,MembershipReadAllKey,MembershipReadRowKey,UpdateIAmAlivetimeKey,UpdateMembershipKey";

    [Fact]
    public async Task Applying_the_schema_twice_keeps_rows_and_one_copy_of_each_clustering_statement()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        await PostgreSqlSchema.ApplyAsync(database.ConnectionString, CancellationToken.None);
        await using (var connection = await database.OpenAsync())
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES ('svc', 'agent', 0, 0, 's:a-1', '{"Name":"kept"}', 4);
            INSERT INTO membership_version (deployment_id, version) VALUES ('cluster', 7);
            INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', 'left by an earlier version');
            """,
            connection))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await PostgreSqlSchema.ApplyAsync(database.ConnectionString, CancellationToken.None);

        Assert.Equal(ExpectedQueryKeys, await database.ScalarAsync("SELECT string_agg(querykey, ',' ORDER BY querykey) FROM orleansquery"));
        Assert.Equal("1|{\"Name\":\"kept\"}|4", await database.ScalarAsync("SELECT count(*) || '|' || min(payload::text) || '|' || min(version) FROM grain_state"));
        Assert.Equal(7, await database.ScalarAsync("SELECT version FROM membership_version WHERE deployment_id = 'cluster'"));
    }

    [Fact]
    public async Task Silos_starting_together_on_an_empty_database_all_apply_the_schema()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        // Without the advisory lock, concurrent CREATE TABLE IF NOT EXISTS fails on PostgreSQL's catalog.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgreSqlSchema.ApplyAsync(database.ConnectionString, CancellationToken.None))));

        Assert.Equal(9L, await database.ScalarAsync("SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public async Task The_grain_state_table_refuses_a_payload_that_is_not_json()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await PostgreSqlSchema.ApplyAsync(database.ConnectionString, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ScalarAsync(
            """
            INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES ('svc', 'agent', 0, 0, 's:a-1', 'not json', 1)
            """));
        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, error.SqlState);
    }
}
