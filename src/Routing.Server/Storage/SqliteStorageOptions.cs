using System.ComponentModel.DataAnnotations;

namespace Routing.Server.Storage;

/// <summary>
/// Options of the embedded default grain storage: one SQLite file on the silo's disk.
/// Bound from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Routing:Storage:Sqlite";

    /// <summary>
    /// Path of the database file. A relative path is resolved against the working directory at
    /// start; the directory is created if missing. Defaults to <c>data/routing.db</c>.
    /// </summary>
    [Required(ErrorMessage = $"{SectionName}:{nameof(DatabasePath)} must name the SQLite database file.")]
    public string DatabasePath { get; set; } = "data/routing.db";
}
