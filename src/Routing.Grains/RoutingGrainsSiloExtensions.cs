using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Routing.Grains;

/// <summary>Wires the routing grains' own silo services.</summary>
public static class RoutingGrainsSiloExtensions
{
    /// <summary>
    /// Adds what the routing grains rely on beyond their storage: <see cref="DropActivationOnFailureFilter"/>,
    /// <see cref="GrainReferences"/>, and the idle age of the record grains
    /// (<see cref="RoutingGrainOptions.RecordCollectionAge"/>).
    /// </summary>
    public static ISiloBuilder AddRoutingGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<GrainReferences>();
        silo.Services.AddMetrics();
        silo.Services.AddSingleton<RoutingMetrics>();
        silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<RoutingGrainOptions>>((collection, routing) =>
        {
            collection.ClassSpecificCollectionAge[typeof(ContactGrain).FullName!] = routing.Value.RecordCollectionAge;
            collection.ClassSpecificCollectionAge[typeof(CustomerGrain).FullName!] = routing.Value.RecordCollectionAge;
            collection.ClassSpecificCollectionAge[typeof(IvrSessionGrain).FullName!] = routing.Value.RecordCollectionAge;
        });
        return silo.AddIncomingGrainCallFilter<DropActivationOnFailureFilter>();
    }
}
