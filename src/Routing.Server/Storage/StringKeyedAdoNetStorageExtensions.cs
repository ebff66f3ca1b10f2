using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;

namespace Routing.Server.Storage;

/// <summary>
/// The registration both stores share: Orleans' ADO.NET grain storage provider writing System.Text.Json, behind a
/// <see cref="StringKeyGrainStorage"/> that keeps string keys whole. Only the database (invariant and connection
/// string) differs between the embedded default and PostgreSQL.
/// </summary>
public static class StringKeyedAdoNetStorageExtensions
{
    /// <summary>
    /// Adds the grain storage provider <paramref name="providerName"/>: a <see cref="StringKeyGrainStorage"/> in
    /// front of an ADO.NET provider registered under <see cref="AdoNetProviderName"/>, which is also the name its
    /// <see cref="AdoNetGrainStorageOptions"/> are read under. The schema must exist before the provider starts.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="providerName">The storage name grains give in <c>[PersistentState(..., name)]</c>.</param>
    /// <param name="invariant">Orleans' ADO.NET invariant of the database (e.g. <c>Npgsql</c>).</param>
    /// <param name="connectionString">The database's connection string.</param>
    /// <param name="configureOptions">Further settings of the ADO.NET provider, applied after these.</param>
    public static ISiloBuilder AddStringKeyedAdoNetGrainStorage(
        this ISiloBuilder silo,
        string providerName,
        string invariant,
        string connectionString,
        Action<AdoNetGrainStorageOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(invariant);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        var adoNetName = AdoNetProviderName(providerName);

        // System.Text.Json rows hold the state's own shape, no CLR type names, so renaming or moving
        // a state class does not orphan its rows. Orleans looks first for a serializer keyed by the
        // name of the provider's options (DefaultStorageProviderSerializerOptionsConfigurator), which
        // is the ADO.NET provider's own name; the silo-wide default is left alone.
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>(adoNetName);

        // Registered under its own name, the ADO.NET provider keeps the lifecycle participant Orleans
        // adds for it (it reads its statements from OrleansQuery at start); the decorator needs none.
        silo.AddAdoNetGrainStorage(adoNetName, options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
            configureOptions?.Invoke(options);
        });

        silo.Services.AddKeyedSingleton<IGrainStorage>(
            providerName,
            (services, _) => new StringKeyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(adoNetName)));

        // Orleans makes a provider named "Default" the unnamed IGrainStorage too (AddGrainStorage);
        // the ADO.NET one no longer carries that name, so the decorator must take its place.
        if (string.Equals(providerName, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StringComparison.Ordinal))
        {
            silo.Services.TryAddSingleton(services => services.GetRequiredKeyedService<IGrainStorage>(providerName));
        }

        return silo;
    }

    /// <summary>
    /// The name the ADO.NET provider behind the storage <paramref name="providerName"/> is registered
    /// and configured under.
    /// </summary>
    /// <param name="providerName">The storage name grains use.</param>
    public static string AdoNetProviderName(string providerName) => providerName + "-adonet";
}
