using Npgsql;
using NpgsqlTypes;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// The production store: the tables <c>grain_state</c> and <c>grain_entry</c> of a PostgreSQL database. A batch is one
/// <see cref="NpgsqlBatch"/>: every statement sent in one round trip and run in one implicit transaction, which
/// commits at its end or not at all.
/// </summary>
public sealed class PostgreSqlGrainStateStore : IGrainStateStore
{
    private const string KeyMatch = "service_id = $1 AND grain_type = $2 AND grain_id_n0 = 0 AND grain_id_n1 = 0 AND grain_id_extension = $3";
    private const string EntryMatch = "service_id = $1 AND grain_type = $2 AND grain_id = $3 AND entry_key = $5";

    private static readonly GrainStateStatements Statements = new(
        Read: $"SELECT payload::text, version FROM grain_state WHERE {KeyMatch}",
        Insert: """
            INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES ($1, $2, 0, 0, $3, $4, 1)
            ON CONFLICT DO NOTHING
            RETURNING version
            """,
        Update: $"UPDATE grain_state SET payload = $4, version = version + 1, modified_on = now() WHERE {KeyMatch} AND version = $5 RETURNING version",
        Clear: $"UPDATE grain_state SET payload = NULL, version = version + 1, modified_on = now() WHERE {KeyMatch} AND version = $5 RETURNING version",
        Delete: $"DELETE FROM grain_state WHERE {KeyMatch} AND version = $5 RETURNING version",
        Entries: new(
            ReadAll: "SELECT entry_key, payload::text, version FROM grain_entry WHERE service_id = $1 AND grain_type = $2 AND grain_id = $3",
            Insert: """
                INSERT INTO grain_entry (service_id, grain_type, grain_id, entry_key, payload, version)
                VALUES ($1, $2, $3, $5, $4, 1)
                ON CONFLICT DO NOTHING
                RETURNING version
                """,
            Update: $"UPDATE grain_entry SET payload = $4, version = version + 1, modified_on = now() WHERE {EntryMatch} AND version = $6 RETURNING version",
            Delete: $"DELETE FROM grain_entry WHERE {EntryMatch} AND version = $6 RETURNING version"));

    private readonly NpgsqlDataSource dataSource;
    private readonly string serviceId;

    /// <param name="connectionString">The database's connection string; the schema must exist.</param>
    /// <param name="serviceId">Orleans' service id: rows of other services in the same database are not seen.</param>
    public PostgreSqlGrainStateStore(string connectionString, string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        dataSource = NpgsqlDataSource.Create(connectionString);
        this.serviceId = serviceId;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<GrainStateResult>> ExecuteAsync(IReadOnlyList<GrainStateOperation> batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlBatch(connection);
        foreach (var operation in batch)
        {
            command.BatchCommands.Add(Command(operation));
        }

        var results = new GrainStateResult[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await ReadResultAsync(reader, batch[i].Kind, cancellationToken);
                await reader.NextResultAsync(cancellationToken);
            }
        }

        // The implicit transaction commits when the batch ends; disposing the reader consumed it to the end, so a
        // failure of the commit has been thrown by now.
        return results;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private NpgsqlBatchCommand Command(GrainStateOperation operation)
    {
        var command = new NpgsqlBatchCommand(Statements.For(operation));
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = operation.StateName });
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = operation.Key });
        if (operation.Kind is GrainStateOperationKind.Read or GrainStateOperationKind.ReadEntries)
        {
            return command;
        }

        // Positional parameters must all be sent: $4 is the payload (NULL where the statement ignores it).
        command.Parameters.Add(operation.Json is null
            ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Json, Value = DBNull.Value }
            : new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Json, TypedValue = operation.Json });
        // Entries: $5 is the entry's key and $6 the expected version; states: $5 is the expected version.
        if (operation.EntryKey is { } entryKey)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entryKey });
        }

        if (operation.ExpectedVersion is { } expected)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expected });
        }

        return command;
    }

    private static async Task<GrainStateResult> ReadResultAsync(NpgsqlDataReader reader, GrainStateOperationKind kind, CancellationToken cancellationToken)
    {
        if (kind == GrainStateOperationKind.ReadEntries)
        {
            var entries = new List<StoredEntryRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new StoredEntryRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }

            return new GrainStateResult(true, null, null, entries);
        }

        if (!await reader.ReadAsync(cancellationToken))
        {
            return GrainStateResult.NotMatched;
        }

        return kind == GrainStateOperationKind.Read
            ? GrainStateStatements.Returned(kind, reader.GetInt32(1), reader.IsDBNull(0) ? null : reader.GetString(0))
            : GrainStateStatements.Returned(kind, reader.GetInt32(0), null);
    }
}
