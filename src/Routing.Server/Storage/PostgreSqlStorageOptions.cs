namespace Routing.Server.Storage;

/// <summary>
/// Options of the production store: grain state and cluster membership in one PostgreSQL database. Bound from
/// the configuration section <see cref="SectionName"/>; when <see cref="ConnectionString"/> is empty the server
/// keeps the embedded default (SQLite file, localhost clustering).
/// </summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Routing:Storage:PostgreSql";

    /// <summary>
    /// Npgsql connection string, e.g. <c>Host=db;Port=5432;Username=routing;Password=...;Database=routing;Maximum Pool Size=20</c>.
    /// Setting it switches grain storage and clustering to PostgreSQL. Give a <c>Maximum Pool Size</c> that keeps
    /// every silo's pool together under the server's <c>max_connections</c>: Npgsql's default of 100 per silo does not.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply <c>deploy/sql/postgresql/storage.sql</c> and <c>clustering.sql</c> when the silo starts. Both are
    /// idempotent; leave this off where the schema is managed by an operator with <c>psql -f</c>.
    /// </summary>
    public bool ApplySchemaOnStart { get; set; }

    /// <summary>Whether PostgreSQL is configured at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
