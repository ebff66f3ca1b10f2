using Microsoft.Data.Sqlite;

namespace Routing.Server.Tests.Storage;

/// <summary>A database path in a fresh temporary directory, removed on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "routing-server-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        // A directory that does not exist yet: creating it is part of what the storage must do.
        DatabasePath = Path.Combine(root, "data", "routing.db");
    }

    public string DatabasePath { get; }

    /// <summary>An unpooled connection for looking at rows the way an operator would.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; only idle ones are closed here, busy ones as they return.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
