using Npgsql;

namespace Routing.Server.Storage;

/// <summary>
/// Applies the PostgreSQL schema from the scripts in <c>deploy/sql/postgresql</c>, embedded in this assembly:
/// <c>storage.sql</c> (grain state) and <c>clustering.sql</c> (membership). The same files an operator runs with
/// <c>psql -f</c>.
/// </summary>
public static class PostgreSqlSchema
{
    private const string ResourcePrefix = "Routing.Server.Storage.PostgreSql.";

    /// <summary>The scripts in the order they are applied.</summary>
    public static IReadOnlyList<string> Scripts { get; } = ["storage.sql", "clustering.sql"];

    /// <summary>
    /// Applies every script. Idempotent, and safe from several silos at once: each script is one transaction
    /// that first takes the same advisory lock.
    /// </summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var script in Scripts)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = await ReadScriptAsync(script, ct);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The text of one of <see cref="Scripts"/>.</summary>
    public static async Task<string> ReadScriptAsync(string script, CancellationToken ct)
    {
        var resource = ResourcePrefix + script;
        await using var stream = typeof(PostgreSqlSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from {typeof(PostgreSqlSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
