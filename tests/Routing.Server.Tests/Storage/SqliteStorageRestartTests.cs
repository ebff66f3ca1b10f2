namespace Routing.Server.Tests.Storage;

public sealed class SqliteStorageRestartTests
{
    [Fact]
    public async Task State_written_before_a_restart_is_read_back_by_a_new_silo_on_the_same_file()
    {
        using var database = new TestDatabase();
        var serviceId = "sqlite-restart-" + Guid.NewGuid().ToString("N");
        const string Key = "agent-7";

        var before = await SqliteTestCluster.StartAsync(database.DatabasePath, serviceId);
        try
        {
            await before.Client.GetGrain<IStorageProbeGrain>(Key).Set(new ProbeState("Ada", ["voice", "chat", "email"]));
            await before.StopAllSilosAsync();
        }
        finally
        {
            await before.DisposeAsync();
        }

        var after = await SqliteTestCluster.StartAsync(database.DatabasePath, serviceId);
        try
        {
            var grain = after.Client.GetGrain<IStorageProbeGrain>(Key);
            var state = await grain.Get();
            Assert.Equal("Ada", state.Name);
            Assert.Equal(["voice", "chat", "email"], state.Items);

            // The ETag read on activation is current: the new silo can keep writing.
            await grain.Set(state with { Items = ["voice"] });
            Assert.Equal(["voice"], (await grain.Get()).Items);
            Assert.Equal(2, ReadVersion(database, serviceId, Key));
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    private static long ReadVersion(TestDatabase database, string serviceId, string key)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version FROM GrainState WHERE ServiceId = $serviceId AND GrainIdExtension = $key";
        command.Parameters.AddWithValue("$serviceId", serviceId);
        command.Parameters.AddWithValue("$key", "s:" + key);
        return (long)command.ExecuteScalar()!;
    }
}
