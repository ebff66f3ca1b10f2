using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;
using Routing.Server.Storage;

namespace Routing.Server.Tests.Storage;

/// <summary>
/// One silo on one SQLite file for the whole collection; tests isolate themselves by unique grain keys.
/// </summary>
public sealed class SqliteStorageFixture : IAsyncLifetime
{
    public const string ProviderName = "routing";

    /// <summary>A second provider on the same file, configured to delete rows on clear.</summary>
    public const string DeleteOnClearProviderName = "routing-delete-on-clear";

    public TestDatabase Database { get; } = new();

    public string ServiceId { get; } = "sqlite-storage-tests-" + Guid.NewGuid().ToString("N");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainStorage Storage(string providerName = ProviderName) =>
        Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(providerName);

    public async Task InitializeAsync() =>
        Cluster = await SqliteTestCluster.StartAsync(Database.DatabasePath, ServiceId, silo =>
        {
            silo.AddSqliteGrainStorage(DeleteOnClearProviderName, Database.DatabasePath, deleteStateOnClear: true);
            // A third, under Orleans' default name, which must also become the unnamed IGrainStorage.
            silo.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, Database.DatabasePath);
        });

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        Database.Dispose();
    }
}
