using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Routing.Server.Storage;

/// <summary>
/// Creates the SQLite grain-state schema (table and the statements Orleans' ADO.NET provider looks
/// up) from the embedded <c>Storage/Sqlite/sqlite-schema.sql</c>.
/// </summary>
public static class SqliteSchema
{
    private const string ScriptResourceName = "Routing.Server.Storage.Sqlite.sqlite-schema.sql";

    /// <summary>
    /// Creates the database file and its directory if missing, switches it to WAL and applies the
    /// schema. Idempotent: safe at every start and from several silos or providers at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file database cannot use WAL journaling
    /// (for example on a network file system that lacks shared memory).</exception>
    public static async Task EnsureCreatedAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        var settings = new SqliteConnectionStringBuilder(connectionString);
        var isFile = IsFileDatabase(settings);
        if (isFile)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(settings.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var script = await ReadScriptAsync(ct);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);

        // WAL lets grain reads proceed while another grain writes, and makes each write one append
        // instead of a rollback-journal round trip. The mode is stored in the file, so setting it once
        // here covers every pooled connection the provider opens later. It cannot be changed inside a
        // transaction, hence outside the script.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = Convert.ToString(await pragma.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (isFile && !string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"SQLite database '{settings.DataSource}' stayed in journal mode '{mode}' instead of WAL; put it on a local file system.");
            }
        }

        // BeginTransaction is BEGIN IMMEDIATE in Microsoft.Data.Sqlite: two silos starting on the same
        // file apply the script one after the other (the second waits out the busy timeout) and no
        // reader ever sees half a schema.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = script;
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static bool IsFileDatabase(SqliteConnectionStringBuilder settings) =>
        settings.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(settings.DataSource)
        && !string.Equals(settings.DataSource, ":memory:", StringComparison.Ordinal)
        && !settings.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ReadScriptAsync(CancellationToken ct)
    {
        await using var stream = typeof(SqliteSchema).Assembly.GetManifestResourceStream(ScriptResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ScriptResourceName}' is missing from {typeof(SqliteSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
