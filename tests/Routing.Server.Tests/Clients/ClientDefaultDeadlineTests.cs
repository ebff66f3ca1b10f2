using System.Diagnostics;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Clients;

/// <summary>Unary calls without a deadline get the default one; a caller's own deadline wins; streams get none.</summary>
[Collection(ServerCollection.Name)]
public sealed class ClientDefaultDeadlineTests(ServerFixture fixture)
{
    private static readonly TimeSpan ShortDeadline = TimeSpan.FromSeconds(1);

    // Far beyond the deadline, so only a call that was never given one runs into it.
    private static readonly TimeSpan GenerousBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_unary_call_to_a_router_that_never_answers_ends_with_deadline_exceeded()
    {
        using var silent = new SilentTcpServer();
        using var client = new RoutingClient(new RoutingClientOptions { Address = silent.Address, DefaultDeadline = ShortDeadline });

        var clock = Stopwatch.StartNew();
        var failed = await Assert.ThrowsAsync<RpcException>(() => client.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync.WaitAsync(GenerousBound));
        Assert.Equal(StatusCode.DeadlineExceeded, failed.StatusCode);
        Assert.InRange(clock.Elapsed, ShortDeadline * 0.9, GenerousBound);
    }

    [Fact]
    public async Task The_callers_own_deadline_wins_over_the_default()
    {
        using var silent = new SilentTcpServer();
        using var client = new RoutingClient(new RoutingClientOptions { Address = silent.Address, DefaultDeadline = TimeSpan.FromHours(1) });

        var failed = await Assert.ThrowsAsync<RpcException>(() => client.Routing.GetQueueEstimateAsync(
            new GetQueueEstimateRequest { QueueId = "sales-en" }, deadline: DateTime.UtcNow + ShortDeadline).ResponseAsync.WaitAsync(GenerousBound));
        Assert.Equal(StatusCode.DeadlineExceeded, failed.StatusCode);
    }

    [Fact]
    public async Task A_server_stream_outlives_the_default_deadline()
    {
        using var client = new RoutingClient(new RoutingClientOptions { Address = new Uri(fixture.Server.Address), DefaultDeadline = ShortDeadline });
        var routed = await client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            QueueId = "support-en",
            Channel = Channel.Email,
            CustomerId = "deadline-" + Guid.NewGuid().ToString("N"),
        });
        using var watch = client.Routing.WatchContact(new WatchContactRequest { ContactId = routed.ContactId });
        await Eventually.Next(watch.ResponseStream, "the contact's first update");

        // A call that runs into the same default deadline marks the time: once it has failed, the stream is past it.
        using var silent = new SilentTcpServer();
        using var hanging = new RoutingClient(new RoutingClientOptions { Address = silent.Address, DefaultDeadline = ShortDeadline });
        var expired = await Assert.ThrowsAsync<RpcException>(() => hanging.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync.WaitAsync(GenerousBound));
        Assert.Equal(StatusCode.DeadlineExceeded, expired.StatusCode);

        await client.Routing.CancelContactAsync(new CancelContactRequest { RequestId = RoutingClient.NewRequestId(), ContactId = routed.ContactId });
        var ended = await Eventually.NextMatching(watch.ResponseStream, c => c.State == ContactState.Abandoned, "the cancelled contact on the still open stream");
        Assert.Equal(routed.ContactId, ended.ContactId);
    }
}
