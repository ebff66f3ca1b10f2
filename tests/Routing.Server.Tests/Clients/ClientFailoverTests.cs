using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Clients;

/// <summary>
/// A client listing two routers: two independent embedded servers with the demo center, told apart by a contact
/// waiting in sales-en on the second only.
/// </summary>
public sealed class ClientFailoverTests : IAsyncLifetime
{
    private const string MarkedQueue = "sales-en";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    private ServerProcess First { get; set; } = null!;

    private ServerProcess Second { get; set; } = null!;

    public async Task InitializeAsync()
    {
        First = new ServerProcess(Path.Combine(directory, "first.db"), seed: true);
        Second = new ServerProcess(Path.Combine(directory, "second.db"), seed: true);
        await Task.WhenAll(First.StartAsync(), Second.StartAsync());
        await Second.Client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            QueueId = MarkedQueue,
            Channel = Channel.Voice,
            CustomerId = "failover-marker",
        });
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(First.DisposeAsync().AsTask(), Second.DisposeAsync().AsTask());
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection pool; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task Pick_first_calls_the_first_router_and_the_second_once_the_first_is_stopped()
    {
        using var client = new RoutingClient(new RoutingClientOptions { Addresses = [new Uri(First.Address), new Uri(Second.Address)] });
        Assert.Equal(0, await WaitingInMarkedQueue(client));

        await First.StopAsync();

        // The very next call succeeds: the dead connection's Unavailable is retried on the second router.
        Assert.Equal(1, await WaitingInMarkedQueue(client));
        var routed = await client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            QueueId = MarkedQueue,
            Channel = Channel.Voice,
            CustomerId = "after-failover",
        });
        Assert.Equal((RouteOutcome.Queued, 2), (routed.Outcome, routed.Position));
    }

    [Fact]
    public async Task Round_robin_spreads_calls_over_both_routers()
    {
        using var client = new RoutingClient(new RoutingClientOptions
        {
            Addresses = [new Uri(First.Address), new Uri(Second.Address)],
            LoadBalancing = LoadBalancingPolicy.RoundRobin,
        });
        var seen = new HashSet<int>();
        await Eventually.Get(
            async () =>
            {
                seen.Add(await WaitingInMarkedQueue(client));
                return seen.Count;
            },
            count => count == 2,
            "answers from both routers (0 and 1 waiting)");
        Assert.Equal([0, 1], seen.Order());
    }

    private static async Task<int> WaitingInMarkedQueue(RoutingClient client) =>
        (await client.Supervisor.ListQueuesAsync(new ListQueuesRequest())).Queues.Single(q => q.QueueId == MarkedQueue).Waiting;
}
