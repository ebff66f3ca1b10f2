namespace Routing.Server.Tests.Storage;

/// <summary>A grain that only stores what it is given, to exercise grain storage end to end.</summary>
[Alias("Routing.Server.Tests.Storage.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    [Alias("Set")]
    Task Set(ProbeState value);

    [Alias("Get")]
    Task<ProbeState> Get();
}
