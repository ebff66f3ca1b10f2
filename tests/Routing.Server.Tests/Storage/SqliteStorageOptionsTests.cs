using Routing.Server.Storage;

namespace Routing.Server.Tests.Storage;

public sealed class SqliteStorageOptionsTests
{
    [Fact]
    public void The_default_database_is_in_the_users_local_application_data_whatever_the_working_directory()
    {
        var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        // Not the working directory's data/ folder: `dotnet run --project` would put it in the project folder.
        Assert.NotEqual("", appData);
        Assert.Equal(Path.Combine(appData, "routing", "routing.db"), new SqliteStorageOptions().ResolveDatabasePath());
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_working_directory()
    {
        var options = new SqliteStorageOptions { DatabasePath = Path.Combine("data", "routing.db") };

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "routing.db"), options.ResolveDatabasePath());
    }

    [Fact]
    public void An_absolute_path_is_kept()
    {
        var path = Path.Combine(Path.GetTempPath(), "routing-elsewhere", "center.db");

        Assert.Equal(path, new SqliteStorageOptions { DatabasePath = path }.ResolveDatabasePath());
    }
}
