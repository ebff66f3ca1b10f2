using Routing.Server.Tests.Postgres;
using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>The crash tests on PostgreSQL: a fresh database per test, given to the server as arguments.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlServerCrashTests(ITestOutputHelper output) : ServerCrashTests(output)
{
    private readonly List<PostgresDatabase> databases = [];

    protected override async Task<IReadOnlyList<string>> StoreArgumentsAsync(string workDirectory)
    {
        var database = await PostgresDatabase.CreateAsync();
        databases.Add(database);
        return database.ServerArguments;
    }

    protected override async Task ReleaseStoresAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }
}
