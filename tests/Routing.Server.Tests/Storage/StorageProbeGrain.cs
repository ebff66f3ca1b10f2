namespace Routing.Server.Tests.Storage;

public sealed class StorageProbeGrain(
    [PersistentState(StorageProbeGrain.StateName, SqliteStorageFixture.ProviderName)] IPersistentState<ProbeState> state)
    : Grain, IStorageProbeGrain
{
    /// <summary>The state name; the provider stores it as the row's grain type.</summary>
    public const string StateName = "probe";

    public async Task Set(ProbeState value)
    {
        state.State = value;
        await state.WriteStateAsync();
    }

    public Task<ProbeState> Get() => Task.FromResult(state.State);
}
