using Orleans.Storage;

namespace Routing.Server.Tests.Storage;

[Collection(SqliteStorageCollection.Name)]
public sealed class SqliteGrainStorageTests(SqliteStorageFixture fixture)
{
    private static readonly GrainType ProbeType = GrainType.Create("storage-probe");

    private static GrainId NewGrainId() => GrainId.Create(ProbeType, "probe-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Grain_state_is_stored_as_plain_json_keyed_by_service_state_name_and_prefixed_grain_key()
    {
        var key = "json-" + Guid.NewGuid().ToString("N");
        var grain = fixture.Cluster.Client.GetGrain<IStorageProbeGrain>(key);

        await grain.Set(new ProbeState("alpha", ["a", "b"]));

        using var connection = fixture.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT GrainType, GrainIdN0, GrainIdN1, PayloadJson, Version
            FROM GrainState
            WHERE ServiceId = $serviceId AND GrainIdExtension = $key
            """;
        command.Parameters.AddWithValue("$serviceId", fixture.ServiceId);
        command.Parameters.AddWithValue("$key", "s:" + key);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no row for grain '{key}'");
        Assert.Equal(StorageProbeGrain.StateName, reader.GetString(0));
        Assert.Equal(0, reader.GetInt64(1));
        Assert.Equal(0, reader.GetInt64(2));
        // The state's own shape and nothing else: no "$type", no assembly-qualified names.
        Assert.Equal("""{"Name":"alpha","Items":["a","b"]}""", reader.GetString(3));
        Assert.Equal(1, reader.GetInt64(4));
        Assert.False(reader.Read(), $"more than one row for grain '{key}'");
    }

    [Fact]
    public async Task A_writer_holding_a_stale_etag_gets_an_inconsistent_state_exception()
    {
        var storage = fixture.Storage();
        var grainId = NewGrainId();
        var first = new GrainState<ProbeState>(new ProbeState("first", ["1"]));
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, first);
        Assert.Equal("1", first.ETag);

        var second = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StorageProbeGrain.StateName, grainId, second);
        Assert.Equal("1", second.ETag);

        first.State = new ProbeState("first again", ["1", "2"]);
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, first);
        Assert.Equal("2", first.ETag);

        second.State = new ProbeState("stale", []);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, second));
        Assert.Equal("1", second.ETag);

        var stored = await ReadAsync(storage, grainId);
        Assert.Equal("2", stored.ETag);
        Assert.Equal("first again", stored.State!.Name);
        Assert.Equal(["1", "2"], stored.State.Items);
    }

    [Fact]
    public async Task A_first_write_conflicts_when_another_activation_already_created_the_row()
    {
        var storage = fixture.Storage();
        var grainId = NewGrainId();
        var winner = new GrainState<ProbeState>(new ProbeState("winner", []));
        var loser = new GrainState<ProbeState>(new ProbeState("loser", []));

        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, winner);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, loser));

        var stored = await ReadAsync(storage, grainId);
        Assert.Equal("1", stored.ETag);
        Assert.Equal("winner", stored.State!.Name);
    }

    [Fact]
    public async Task Cleared_state_reads_as_absent_and_a_writer_from_before_the_clear_still_conflicts()
    {
        var storage = fixture.Storage();
        var grainId = NewGrainId();
        var owner = new GrainState<ProbeState>(new ProbeState("to clear", ["x"]));
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, owner);
        var beforeClear = await ReadAsync(storage, grainId);

        await storage.ClearStateAsync(StorageProbeGrain.StateName, grainId, owner);
        Assert.Equal("2", owner.ETag);
        Assert.False(owner.RecordExists);

        var afterClear = await ReadAsync(storage, grainId);
        Assert.False(afterClear.RecordExists);
        Assert.Equal("2", afterClear.ETag);
        Assert.Equal(string.Empty, afterClear.State!.Name);
        Assert.Empty(afterClear.State.Items);

        beforeClear.State = new ProbeState("stale", []);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, beforeClear));

        afterClear.State = new ProbeState("written after clear", ["y"]);
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, afterClear);
        Assert.Equal("3", afterClear.ETag);
        Assert.True(afterClear.RecordExists);
        Assert.Equal("written after clear", (await ReadAsync(storage, grainId)).State!.Name);
    }

    [Fact]
    public async Task Clearing_with_delete_on_clear_removes_the_row_and_the_grain_starts_again_at_version_one()
    {
        var storage = fixture.Storage(SqliteStorageFixture.DeleteOnClearProviderName);
        var grainId = NewGrainId();
        var state = new GrainState<ProbeState>(new ProbeState("to delete", []));
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, state);
        state.State = new ProbeState("to delete, v2", []);
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, state);
        Assert.Equal(1, CountRows(grainId));

        await storage.ClearStateAsync(StorageProbeGrain.StateName, grainId, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, CountRows(grainId));

        state.State = new ProbeState("recreated", []);
        await storage.WriteStateAsync(StorageProbeGrain.StateName, grainId, state);
        Assert.Equal("1", state.ETag);
        Assert.Equal(1, CountRows(grainId));
    }

    [Fact]
    public async Task Guid_and_integer_keys_with_and_without_extensions_round_trip_as_separate_string_keyed_rows()
    {
        var storage = fixture.Storage();
        var guid = Guid.NewGuid();
        const long number = 4242;
        GrainId[] ids =
        [
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(guid, "east")),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateIntegerKey(number)),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateIntegerKey(number, "east")),
        ];

        foreach (var id in ids)
        {
            var state = new GrainState<ProbeState>(new ProbeState(id.ToString(), []));
            await storage.WriteStateAsync(StorageProbeGrain.StateName, id, state);
            Assert.Equal("1", state.ETag);
        }

        foreach (var id in ids)
        {
            var stored = await ReadAsync(storage, id);
            Assert.Equal(id.ToString(), stored.State!.Name);
            Assert.Equal("1", stored.ETag);
            // Prefixed like every key, so stored whole as a string, never split into N0/N1.
            Assert.Equal(1, CountRows(id));
        }
    }

    private static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StorageProbeGrain.StateName, grainId, state);
        return state;
    }

    private long CountRows(GrainId grainId)
    {
        using var connection = fixture.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM GrainState
            WHERE ServiceId = $serviceId AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtension = $key
            """;
        command.Parameters.AddWithValue("$serviceId", fixture.ServiceId);
        command.Parameters.AddWithValue("$key", "s:" + grainId.Key.ToString());
        return (long)command.ExecuteScalar()!;
    }
}
