using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Routing.Grains;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>The registration both stores share: a <see cref="GroupCommitGrainStorage"/> on a database's committer.</summary>
public static class GroupCommitStorageExtensions
{
    /// <summary>
    /// Adds the grain storage provider <paramref name="providerName"/> on the database <paramref name="database"/>.
    /// Providers given the same <paramref name="database"/> share its committer and its batches.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="providerName">The storage name grains give in <c>[PersistentState(..., name)]</c>.</param>
    /// <param name="database">What identifies the database: its file path or connection string.</param>
    /// <param name="createStore">Opens the store, given the service id; called once per database.</param>
    /// <param name="deleteStateOnClear">Clearing a state removes its row instead of keeping it, emptied, with its version.</param>
    public static ISiloBuilder AddGroupCommitGrainStorage(
        this ISiloBuilder silo,
        string providerName,
        string database,
        Func<string, IGrainStateStore> createStore,
        bool deleteStateOnClear = false)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentNullException.ThrowIfNull(createStore);

        silo.Services.AddMetrics();
        silo.Services.AddOptions<GroupCommitOptions>();
        silo.Services.TryAddSingleton<GrainStorageMetrics>();
        silo.Services.TryAddSingleton<GroupCommitters>();

        silo.Services.AddKeyedSingleton<IGrainStorage>(providerName, (services, _) =>
        {
            var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            var committer = services.GetRequiredService<GroupCommitters>().For(database, () => createStore(serviceId));
            // System.Text.Json rows hold the state's own shape, no CLR type names, so renaming or moving a state
            // class does not orphan its rows.
            var serializer = ActivatorUtilities.CreateInstance<SystemTextJsonGrainStorageSerializer>(services);
            var rows = new StoredRowReader(serializer, services.GetRequiredService<IOptions<Orleans.Serialization.SystemTextJsonGrainStorageSerializerOptions>>().Value.JsonSerializerOptions);
            return new GroupCommitGrainStorage(committer, serializer, rows, services.GetRequiredService<IActivatorProvider>(), deleteStateOnClear);
        });

        // The same instance keeps the grains' entries, so a grain's entries and states share batches.
        silo.Services.AddKeyedSingleton<IGrainEntryStorage>(providerName, (services, key) =>
            (GroupCommitGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(key));

        // Orleans makes a provider named "Default" the unnamed IGrainStorage too (AddGrainStorage does so).
        if (string.Equals(providerName, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StringComparison.Ordinal))
        {
            silo.Services.TryAddSingleton(services => services.GetRequiredKeyedService<IGrainStorage>(providerName));
        }

        return silo;
    }
}
