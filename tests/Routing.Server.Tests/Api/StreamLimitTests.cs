using Grpc.Core;
using Routing.Api.V1;
using static Routing.Server.Tests.Api.Refusal;

namespace Routing.Server.Tests.Api;

/// <summary>One caller holds at most so many streams open; unary calls are not counted.</summary>
public sealed class StreamLimitTests
{
    private const int Limit = 2;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_caller_past_its_stream_limit_is_refused_resource_exhausted_until_it_closes_one()
    {
        await using var server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false, [$"--Routing:Server:MaxStreamsPerCaller={Limit}"]);
        await server.StartAsync();
        var client = server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("streams", Channel.Chat);
        var agents = new List<string>();
        for (var i = 0; i <= Limit; i++)
        {
            agents.Add(await center.AgentAsync($"a{i}", [queue], [(Channel.Chat, 1, false)], available: false));
        }

        var open = new List<AsyncServerStreamingCall<QueueStatsUpdate>>();
        for (var i = 0; i < Limit; i++)
        {
            var stream = client.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { queue } });
            Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None), "an admitted stream sends its first update");
            open.Add(stream);
        }

        using var refused = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agents[Limit] });
        await Refused(StatusCode.ResourceExhausted, () => refused.ResponseStream.MoveNext(CancellationToken.None), $"already has {Limit} streams open");

        // Unary calls go on; closing a stream frees its place.
        Assert.NotNull(await client.Supervisor.ListQueuesAsync(new ListQueuesRequest()));
        open[0].Dispose();
        var admitted = await Eventually.Get(
            async () =>
        {
            using var again = client.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { queue } });
            try
            {
                return await again.ResponseStream.MoveNext(CancellationToken.None);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                return false;
            }
        },
            admitted => admitted,
            "a place freed by a closed stream given to the next one");
        Assert.True(admitted);
        open[1].Dispose();
    }
}
