using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Routing.Server.Tests.Storage;

[Collection(SqliteStorageCollection.Name)]
public sealed class StringKeyStorageTests(SqliteStorageFixture fixture)
{
    // Each pair is two different string keys that a storage splitting keys the way Orleans' ADO.NET
    // provider does would parse to the same integer or GUID key and so to the same row. Keys are
    // fixed, so no other test in the collection may use them.
    [Theory]
    [InlineData("ff", "00FF")] // hex 0xFF with and without leading zeros
    [InlineData("1001", "01001")] // an id that looks decimal is read as hex 0x1001
    [InlineData("cafe", "CAFE")] // hex digits ignore case
    [InlineData("ff+east", "FF+east")] // '+' splits off a key extension after an integer key
    [InlineData("0f8fad5bd9cb469fa16570867728950e", "0F8FAD5BD9CB469FA16570867728950E")] // one GUID in 'N' form
    public async Task String_keys_that_parse_as_the_same_number_or_guid_keep_separate_state(string first, string second)
    {
        var firstGrain = fixture.Cluster.Client.GetGrain<IStorageProbeGrain>(first);
        var secondGrain = fixture.Cluster.Client.GetGrain<IStorageProbeGrain>(second);

        await firstGrain.Set(new ProbeState(first, ["a"]));

        // Activating the second grain reads its own row, which does not exist yet.
        var seenBySecond = await secondGrain.Get();
        Assert.Equal(string.Empty, seenBySecond.Name);
        Assert.Empty(seenBySecond.Items);

        await secondGrain.Set(new ProbeState(second, ["b"]));
        // Had the second grain written the first one's row, the first one's ETag would now be stale.
        await firstGrain.Set(new ProbeState(first, ["a", "a2"]));

        var storage = fixture.Storage();
        var storedFirst = await ReadAsync(storage, firstGrain.GetGrainId());
        Assert.Equal("2", storedFirst.ETag);
        Assert.Equal(first, storedFirst.State!.Name);
        Assert.Equal(["a", "a2"], storedFirst.State.Items);

        var storedSecond = await ReadAsync(storage, secondGrain.GetGrainId());
        Assert.Equal("1", storedSecond.ETag);
        Assert.Equal(second, storedSecond.State!.Name);
        Assert.Equal(["b"], storedSecond.State.Items);

        // Stored as string keys: whole, behind the prefix, with no integer or GUID part.
        Assert.Equal("0|0|2", StoredRow("s:" + first));
        Assert.Equal("0|0|1", StoredRow("s:" + second));
    }

    [Fact]
    public async Task A_provider_registered_as_the_default_is_the_unnamed_grain_storage_and_prefixes_keys()
    {
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorage>();
        var key = "default-" + Guid.NewGuid().ToString("N");
        var state = new GrainState<ProbeState>(new ProbeState("by default", []));

        await storage.WriteStateAsync(StorageProbeGrain.StateName, GrainId.Create("storage-probe", key), state);

        Assert.Equal("1", state.ETag);
        Assert.Equal("0|0|1", StoredRow("s:" + key));
    }

    private static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StorageProbeGrain.StateName, grainId, state);
        return state;
    }

    // "N0|N1|Version" of the one row stored under this key column value, or null if there is none.
    private string? StoredRow(string keyColumn)
    {
        using var connection = fixture.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT GrainIdN0 || '|' || GrainIdN1 || '|' || Version
            FROM GrainState
            WHERE ServiceId = $serviceId AND GrainType = $stateName AND GrainIdExtension = $key
            """;
        command.Parameters.AddWithValue("$serviceId", fixture.ServiceId);
        command.Parameters.AddWithValue("$stateName", StorageProbeGrain.StateName);
        command.Parameters.AddWithValue("$key", keyColumn);
        return (string?)command.ExecuteScalar();
    }
}
