using Routing.Server.Storage;
using Routing.Server.Storage.GroupCommit;
using Routing.Server.Tests.Storage;

namespace Routing.Server.Tests.Postgres;

public sealed class PostgreSqlGroupCommitTests : GroupCommitContract, IAsyncLifetime
{
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        await PostgreSqlSchema.ApplyAsync(database.ConnectionString, CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    protected override Task<IGrainStateStore> OpenStoreAsync() =>
        Task.FromResult<IGrainStateStore>(new PostgreSqlGrainStateStore(database.ConnectionString, "group-commit-tests"));
}
