namespace Routing.Server.Storage;

/// <summary>
/// Options of the embedded default grain storage: one SQLite file on the silo's disk.
/// Bound from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Routing:Storage:Sqlite";

    /// <summary>The folder under the user's local application data that holds the default database.</summary>
    public const string DefaultFolderName = "routing";

    /// <summary>The default database's file name.</summary>
    public const string DefaultFileName = "routing.db";

    /// <summary>
    /// Path of the database file; the directory is created if missing. Empty (the default) means
    /// <c>routing/routing.db</c> under the user's local application data (<c>~/.local/share</c> on Linux,
    /// <c>%LOCALAPPDATA%</c> on Windows), so every start finds the same file whichever folder it runs in
    /// (<c>dotnet run --project</c> runs the server in its project folder). A relative path is resolved
    /// against the working directory at start.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// The full path of the database file these options name, or null when none is set and the user has no local
    /// application data folder (no home directory), which the options' validation refuses.
    /// </summary>
    public string? ResolveDatabasePath()
    {
        if (!string.IsNullOrWhiteSpace(DatabasePath))
        {
            return Path.GetFullPath(DatabasePath);
        }

        var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(appData) ? null : Path.Combine(appData, DefaultFolderName, DefaultFileName);
    }
}
