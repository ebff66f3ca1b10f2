using Routing.Server.Storage;
using Routing.Server.Storage.GroupCommit;

namespace Routing.Server.Tests.Storage;

public sealed class SqliteGroupCommitTests : GroupCommitContract, IDisposable
{
    private readonly TestDatabase database = new();

    protected override async Task<IGrainStateStore> OpenStoreAsync()
    {
        var connectionString = $"Data Source={database.DatabasePath}";
        await SqliteSchema.EnsureCreatedAsync(connectionString, CancellationToken.None);
        return new SqliteGrainStateStore(connectionString, "group-commit-tests");
    }

    public void Dispose() => database.Dispose();
}
