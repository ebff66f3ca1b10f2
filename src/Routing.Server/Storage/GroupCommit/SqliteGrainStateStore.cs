using Microsoft.Data.Sqlite;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// The embedded default's store: the tables <c>GrainState</c> and <c>GrainEntry</c> of one SQLite file (WAL), written by this one
/// connection. A batch is one <c>BEGIN IMMEDIATE</c> transaction and one commit: one WAL append and one fsync for
/// the whole batch.
/// </summary>
/// <remarks>
/// A single writer means no connection of this silo ever waits on another's lock, so Microsoft.Data.Sqlite's
/// SQLITE_BUSY retry (a 150 ms thread sleep) never runs on the hot path. Reads go through the same connection, in
/// the same batches: an activation reads what the batches before it committed.
/// </remarks>
public sealed class SqliteGrainStateStore : IGrainStateStore
{
    private const string KeyMatch = "ServiceId = $service AND GrainType = $type AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtension = $key";
    private const string EntryMatch = "ServiceId = $service AND GrainType = $type AND GrainIdExtension = $key AND EntryKey = $entry";
    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    private static readonly GrainStateStatements Statements = new(
        Read: $"SELECT PayloadJson, Version FROM GrainState WHERE {KeyMatch}",
        Insert: $"""
            INSERT INTO GrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, PayloadJson, Version, ModifiedOn)
            VALUES ($service, $type, 0, 0, $key, $json, 1, {Now})
            ON CONFLICT DO NOTHING
            RETURNING Version
            """,
        Update: $"UPDATE GrainState SET PayloadJson = $json, Version = Version + 1, ModifiedOn = {Now} WHERE {KeyMatch} AND Version = $version RETURNING Version",
        Clear: $"UPDATE GrainState SET PayloadJson = NULL, Version = Version + 1, ModifiedOn = {Now} WHERE {KeyMatch} AND Version = $version RETURNING Version",
        Delete: $"DELETE FROM GrainState WHERE {KeyMatch} AND Version = $version RETURNING Version",
        Entries: new(
            ReadAll: "SELECT EntryKey, PayloadJson, Version FROM GrainEntry WHERE ServiceId = $service AND GrainType = $type AND GrainIdExtension = $key",
            Insert: $"""
                INSERT INTO GrainEntry (ServiceId, GrainType, GrainIdExtension, EntryKey, PayloadJson, Version, ModifiedOn)
                VALUES ($service, $type, $key, $entry, $json, 1, {Now})
                ON CONFLICT DO NOTHING
                RETURNING Version
                """,
            Update: $"UPDATE GrainEntry SET PayloadJson = $json, Version = Version + 1, ModifiedOn = {Now} WHERE {EntryMatch} AND Version = $version RETURNING Version",
            Delete: $"DELETE FROM GrainEntry WHERE {EntryMatch} AND Version = $version RETURNING Version"));

    private readonly string connectionString;
    private readonly string serviceId;

    // Prepared once per connection and reused: parsing and planning a statement per operation cost more than running it.
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private SqliteConnection? connection;

    /// <param name="connectionString">The database file's connection string; the schema must exist.</param>
    /// <param name="serviceId">Orleans' service id: rows of other services in the same file are not seen.</param>
    public SqliteGrainStateStore(string connectionString, string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        // Its own connection for the life of the store: it is the file's only writer in this silo.
        this.connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        this.serviceId = serviceId;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<GrainStateResult>> ExecuteAsync(IReadOnlyList<GrainStateOperation> batch, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite's async methods run synchronously anyway; this runs on the committer's loop.
        try
        {
            return Task.FromResult<IReadOnlyList<GrainStateResult>>(Execute(batch));
        }
        catch
        {
            // A connection that failed mid-batch may be in any state: the next batch opens a new one.
            Close();
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
        connection?.Dispose();
        connection = null;
    }

    private GrainStateResult[] Execute(IReadOnlyList<GrainStateOperation> batch)
    {
        var db = connection ??= Open();
        var results = new GrainStateResult[batch.Count];
        using var transaction = db.BeginTransaction(deferred: false);
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = Execute(db, transaction, batch[i]);
        }

        transaction.Commit();
        return results;
    }

    private GrainStateResult Execute(SqliteConnection db, SqliteTransaction transaction, GrainStateOperation operation)
    {
        var command = Prepared(db, Statements.For(operation));
        command.Transaction = transaction;
        command.Parameters["$service"].Value = serviceId;
        command.Parameters["$type"].Value = operation.StateName;
        command.Parameters["$key"].Value = operation.Key;
        if (command.Parameters.Contains("$entry"))
        {
            command.Parameters["$entry"].Value = operation.EntryKey;
        }

        if (command.Parameters.Contains("$json"))
        {
            command.Parameters["$json"].Value = operation.Json;
        }

        if (command.Parameters.Contains("$version"))
        {
            command.Parameters["$version"].Value = operation.ExpectedVersion;
        }

        using var reader = command.ExecuteReader();
        if (operation.Kind == GrainStateOperationKind.ReadEntries)
        {
            var entries = new List<StoredEntryRow>();
            while (reader.Read())
            {
                entries.Add(new StoredEntryRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }

            return new GrainStateResult(true, null, null, entries);
        }

        if (!reader.Read())
        {
            return GrainStateResult.NotMatched;
        }

        return operation.Kind == GrainStateOperationKind.Read
            ? GrainStateStatements.Returned(operation.Kind, reader.GetInt32(1), reader.IsDBNull(0) ? null : reader.GetString(0))
            : GrainStateStatements.Returned(operation.Kind, reader.GetInt32(0), null);
    }

    private SqliteCommand Prepared(SqliteConnection db, string sql)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = db.CreateCommand();
            command.CommandText = sql;
            foreach (var name in (string[])["$service", "$type", "$key", "$entry", "$json", "$version"])
            {
                if (sql.Contains(name, StringComparison.Ordinal))
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }
            }

            command.Prepare();
            prepared.Add(sql, command);
        }

        return command;
    }

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(connectionString);
        db.Open();
        using var pragma = db.CreateCommand();
        // FULL: a commit is on disk before any caller in the batch is told OK (WAL's NORMAL would only survive a
        // crash of the process, not of the machine).
        pragma.CommandText = "PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return db;
    }
}
