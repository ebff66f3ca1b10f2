namespace Routing.Server.Tests.Storage;

/// <summary>Persisted by <see cref="StorageProbeGrain"/>: a scalar and a collection, the two shapes state has.</summary>
[GenerateSerializer, Immutable, Alias("Routing.Server.Tests.Storage.ProbeState")]
public sealed record ProbeState(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Items)
{
    public ProbeState()
        : this(string.Empty, [])
    {
    }
}
