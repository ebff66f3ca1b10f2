using System.Collections.Concurrent;
using Orleans.GrainReferences;

namespace Routing.Grains;

/// <summary>
/// References to string-keyed grains, made without reflection. Orleans' <c>grains.Get</c> works out the
/// interface's grain type from its attributes on every call (its <c>GrainInterfaceTypeResolver</c> keeps no cache),
/// which was 8 % of the CPU of a contact's life, a couple of dozen references each; this resolves each interface
/// once and makes every reference with Orleans' own <see cref="GrainReferenceActivator"/>.
/// </summary>
public sealed class GrainReferences(IGrainFactory factory, GrainReferenceActivator activator)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> types = new();

    public TGrain Get<TGrain>(string key)
        where TGrain : IGrainWithStringKey
    {
        var (grainType, interfaceType) = types.GetOrAdd(typeof(TGrain), static (_, grains) => Resolve<TGrain>(grains), factory);
        return (TGrain)(object)activator.CreateReference(GrainId.Create(grainType, key), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve<TGrain>(IGrainFactory grains)
        where TGrain : IGrainWithStringKey
    {
        // A reference is only an address: making one activates nothing.
        var probe = (GrainReference)(object)grains.GetGrain<TGrain>(nameof(GrainReferences));
        return (probe.GrainId.Type, probe.InterfaceType);
    }
}
