using Grpc.Core;
using Microsoft.Data.Sqlite;
using Routing.Api.V1;
using static Routing.Server.Tests.Api.Refusal;

namespace Routing.Server.Tests.Api;

/// <summary>
/// A stored row that cannot be read as its state is reported (DATA_LOSS, with what is wrong), never read as "nothing
/// stored": the agent is not forgotten, and the demo center is not seeded over a catalog that failed to read.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class UnreadableRowTests
{
    [Fact]
    public async Task Wrong_shaped_and_corrupted_rows_answer_data_loss_and_the_seed_stays_out()
    {
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "routing.db");
        string agent, healthy;
        await using (var before = new ServerProcess(database, seed: false))
        {
            await before.StartAsync();
            var center = new Center(before.Client);
            var queue = await center.QueueAsync("damaged", Channel.Voice);
            agent = await center.AgentAsync("damaged", [queue], [(Channel.Voice, 1, true)], available: false);
            healthy = await center.AgentAsync("healthy", [queue], [(Channel.Voice, 1, true)], available: false);
        }

        // Another type's object where the agent is, and an empty object where the catalog is.
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var damage = connection.CreateCommand();
            damage.CommandText = """
                UPDATE GrainState SET PayloadJson = '{"Nonsense": 1}' WHERE GrainType = 'agent' AND GrainIdExtension = $agent;
                UPDATE GrainState SET PayloadJson = '{}' WHERE GrainType = 'catalog';
                """;
            damage.Parameters.AddWithValue("$agent", "s:" + agent);
            Assert.Equal(2, await damage.ExecuteNonQueryAsync());
        }

        // Started with the demo seed configured: a catalog it cannot read is not an empty store.
        await using var after = new ServerProcess(database, seed: true);
        await after.StartAsync();
        var client = after.Client;

        await Refused(StatusCode.DataLoss, () => client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent }).ResponseAsync,
            $"the stored state agent of agent/{agent} is unreadable (it has a member 'Nonsense' the state does not)");
        await Refused(StatusCode.DataLoss, () => client.Admin.UpsertAgentAsync(new AgentConfig { AgentId = agent, Capacity = { new ChannelCapacity { Channel = Channel.Chat, MaxConcurrent = 1 } } }).ResponseAsync,
            "is unreadable");
        await Refused(StatusCode.DataLoss, () => client.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync, "the stored state catalog of catalog/");
        await Refused(StatusCode.DataLoss, () => client.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync, "(it is an empty object)");

        // What can be read is served; no demo queue was loaded.
        Assert.Equal(healthy, (await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = healthy })).AgentId);
        await Refused(StatusCode.NotFound, () => client.Admin.GetQueueAsync(new GetQueueRequest { QueueId = "support-en" }).ResponseAsync, "does not exist");
    }
}
