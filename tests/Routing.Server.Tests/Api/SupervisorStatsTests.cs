using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>A supervisor's live stream and snapshot reconcile with what the test did.</summary>
[Collection(ServerCollection.Name)]
public sealed class SupervisorStatsTests(ServerFixture fixture)
{
    private RoutingClient Client => fixture.Server.Client;

    [Fact]
    public async Task A_supervisor_stream_sees_a_contact_arrive_get_answered_and_the_service_level_move()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("watched", Channel.Chat);
        var other = await center.QueueAsync("watched-too", Channel.Chat);
        using var call = Client.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { queue, other } });
        var stream = call.ResponseStream;

        var first = await Eventually.Next(stream, "the first stats update");
        Assert.Equal([queue, other], first.Queues.Select(q => q.QueueId));
        Assert.Equal((0, 0L, false), (first.Queues[0].Waiting, first.Queues[0].Window.Offered, first.Queues[0].Window.HasServiceLevel));

        // A chat arrives with nobody logged in: it waits.
        var chat = await center.RouteAsync(queue, Channel.Chat);
        var arrived = await Eventually.NextMatching(stream, u => u.Queues[0].Waiting == 1, "the arrival in the stream");
        Assert.Equal((1L, 1L, 1), (arrived.Queues[0].Window.Offered, arrived.Queues[0].SinceMidnight.Offered, arrived.Center.Waiting));

        // An agent logs in and answers it well within the 20 s target: service level 100%.
        var agent = await center.AgentAsync("supervised", [queue], [(Channel.Chat, 1, false)]);
        await Eventually.Get(
            () => Client.Routing.GetContactAsync(new GetContactRequest { ContactId = chat.ContactId }).ResponseAsync,
            c => c.State == ContactState.Offered,
            "the chat to be offered");
        await Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = chat.ContactId, RequestId = RoutingClient.NewRequestId() });
        var answered = await Eventually.NextMatching(stream, u => u.Queues[0].Window.Answered == 1, "the answer in the stream");
        var window = answered.Queues[0].Window;
        Assert.Equal((0, 1L, 1L, 1.0), (answered.Queues[0].Waiting, window.AnsweredWithinTarget, window.Offered, window.ServiceLevel));
        Assert.NotNull(window.AverageFirstResponse);
        Assert.Equal((1L, 1.0), (answered.Center.Window.Answered, answered.Center.Window.ServiceLevel));
        Assert.Equal(TimeSpan.FromMinutes(15), answered.Queues[0].WindowLength.ToTimeSpan());

        // Handled and rated: handle time and CSAT reach the same numbers.
        await Client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = chat.ContactId, RequestId = RoutingClient.NewRequestId() });
        await Client.Feedback.RecordFeedbackAsync(new RecordFeedbackRequest { RequestId = RoutingClient.NewRequestId(), ContactId = chat.ContactId, Csat = 5 });
        var rated = await Eventually.NextMatching(stream, u => u.Queues[0].SinceMidnight.CsatResponses == 1, "the rating in the stream");
        Assert.Equal((5.0, 1L), (rated.Queues[0].SinceMidnight.AverageCsat, rated.Queues[0].Window.Answered));
        Assert.NotNull(rated.Queues[0].SinceMidnight.AverageHandleTime);

        var snapshot = await Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal(rated.Queues[0].SinceMidnight, snapshot.SinceMidnight);
    }

    [Fact]
    public async Task A_burst_of_changes_is_pushed_no_more_often_than_the_interval_asked_for()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("bursty", Channel.Voice);
        var interval = TimeSpan.FromSeconds(1.5);
        using var call = Client.Supervisor.WatchQueueStats(new WatchQueueStatsRequest
        {
            QueueIds = { queue },
            MinInterval = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(interval),
        });
        var stream = call.ResponseStream;
        var first = await Eventually.Next(stream, "the first stats update");

        // Five arrivals at once: the stream catches up in as few pushes as the interval allows, each spaced by it.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => center.RouteAsync(queue, Channel.Voice)));
        var updates = new List<QueueStatsUpdate> { first };
        while (updates[^1].Queues[0].Waiting < 5)
        {
            updates.Add(await Eventually.Next(stream, "an update after the burst"));
        }

        foreach (var (earlier, later) in updates.Zip(updates.Skip(1)))
        {
            Assert.True(later.At.ToDateTimeOffset() - earlier.At.ToDateTimeOffset() >= interval, $"updates at {earlier.At} and {later.At} are closer than {interval}");
        }
    }

    [Fact]
    public async Task Watching_an_unknown_queue_is_refused()
    {
        using var call = Client.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { "no-such-queue" } });
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }
}
