using Microsoft.Extensions.DependencyInjection;

namespace Routing.Grains;

/// <summary>Wires the routing grains' own silo services.</summary>
public static class RoutingGrainsSiloExtensions
{
    /// <summary>
    /// Adds what the routing grains rely on beyond their storage: <see cref="DropActivationOnFailureFilter"/> and
    /// <see cref="GrainReferences"/>.
    /// </summary>
    public static ISiloBuilder AddRoutingGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<GrainReferences>();
        return silo.AddIncomingGrainCallFilter<DropActivationOnFailureFilter>();
    }
}
