using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server;

namespace Routing.Bench;

/// <summary>
/// One run: the real server on a store, a voice queue with agents whose simulated desktops accept and complete
/// every offer, and callers routing contacts over gRPC on loopback.
/// </summary>
internal static class BenchRun
{
    private const string QueueId = "bench";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // One-way notices (contact completed, customer history) land just after the last answer.
    private static readonly TimeSpan SettleInterval = TimeSpan.FromMilliseconds(300);

    public static async Task<BenchResult> RunAsync(BenchStore store, BenchOptions options)
    {
        using var meter = new StorageMeter();
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        var app = RoutingServer.Build(
        [
            $"--Routing:Server:GrpcEndpoint={address}",
            $"--Routing:Server:SiloPort={FreePort.Next()}",
            $"--Routing:Server:GatewayPort={FreePort.Next()}",
            $"--Routing:Server:ClusterId=bench-{Guid.NewGuid():N}",
            "--Routing:Server:SeedFile=",
            "--Logging:LogLevel:Default=Warning",
            .. store.ServerArguments,
        ]);
        await app.StartAsync();
        using var client = RoutingClient.Connect(address);
        using var stop = new CancellationTokenSource();
        var offered = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var desktops = await SetUpAsync(client, options.Agents, offered, stop.Token);

        // A first batch of contacts, not measured: until the JIT has compiled the hot path, CPU per life is twice
        // what it is after.
        await RouteAllAsync(client, "warm-up", options.WarmUpContacts, options.Callers, new Latencies(), new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        await AnsweredAsync(client, options.WarmUpContacts);

        // Baselines on the same server and store at the same concurrency, before and after the contacts (the
        // machine is shared: a figure is only compared with the baselines of its own run).
        var baselines = await MeasureBaselinesAsync(client, store, options);

        var before = await store.WritesByGrainStateAsync();
        var storageBefore = meter.Read();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var routeLatency = new Latencies();
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        await RouteAllAsync(client, "bench", options.Contacts, options.Callers, routeLatency, sent);
        var routed = clock.Elapsed;
        await AnsweredAsync(client, options.WarmUpContacts + options.Contacts);
        var handled = clock.Elapsed;
        var deadline = DateTime.UtcNow + Deadline;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var storageAfter = meter.Read();
        var after = await store.WritesByGrainStateAsync();
        for (var settled = false; !settled && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(SettleInterval);
            var again = await store.WritesByGrainStateAsync();
            settled = again.Values.Sum() == after.Values.Sum();
            after = again;
        }

        var later = await MeasureBaselinesAsync(client, store, options);
        await stop.CancelAsync();
        await Task.WhenAll(desktops);
        await app.StopAsync();
        await app.DisposeAsync();

        var offerLatency = new Latencies();
        foreach (var (contactId, at) in offered)
        {
            if (sent.TryGetValue(contactId, out var from))
            {
                offerLatency.Add(Stopwatch.GetElapsedTime(from, at));
            }
        }

        var writes = after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);
        return new BenchResult(store.Name, options.Contacts, routed, handled, writes)
        {
            Baselines = baselines.Mean(later),
            Batches = storageAfter.Batches - storageBefore.Batches,
            Operations = storageAfter.Operations - storageBefore.Operations,
            ProcessCpu = cpu,
            RouteLatency = routeLatency,
            OfferLatency = offerLatency,
            WorkingSet = Process.GetCurrentProcess().WorkingSet64,
        };
    }

    private static async Task<Baselines> MeasureBaselinesAsync(RoutingClient client, BenchStore store, BenchOptions options)
    {
        var duration = options.BaselineDuration;
        // Refused by validation before any grain: the cost of the gRPC pipeline alone.
        var trivial = await CallLoop.RateAsync(options.Callers, duration, async _ =>
        {
            try
            {
                await client.Agents.GetAgentAsync(new GetAgentRequest());
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
            }
        });
        var oneGrain = await CallLoop.RateAsync(options.Callers, duration, worker =>
            client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = $"agent-{worker % options.Agents}" }).ResponseAsync);
        var rawWrites = await store.RawWritesPerSecondAsync(options.Callers, duration);
        return new Baselines(trivial, oneGrain, rawWrites);
    }

    /// <param name="stop">Ends the desktops' offer streams after the run.</param>
    private static async Task<List<Task>> SetUpAsync(RoutingClient client, int agents, ConcurrentDictionary<string, long> offered, CancellationToken stop)
    {
        var queue = new QueueConfig { QueueId = QueueId, Name = QueueId, OfferTimeout = Duration.FromTimeSpan(Deadline) };
        queue.Channels.Add(Channel.Voice);
        await client.Admin.UpsertQueueAsync(queue, cancellationToken: stop);
        var desktops = new List<Task>();
        for (var i = 0; i < agents; i++)
        {
            var agent = new AgentConfig { AgentId = $"agent-{i}" };
            agent.Capacity.Add(new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 1, Exclusive = true });
            agent.Queues.Add(new QueueMembership { QueueId = QueueId, Priority = 1 });
            await client.Admin.UpsertAgentAsync(agent, cancellationToken: stop);
            await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agent.AgentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() }, cancellationToken: stop);
            desktops.Add(AnswerEveryOfferAsync(client, agent.AgentId, offered, stop));
        }

        return desktops;
    }

    private static async Task AnsweredAsync(RoutingClient client, int answered)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while ((await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = QueueId })).Answered < answered)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not every contact was answered within {Deadline}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <param name="latency">Gets each RouteContact's latency as the caller sees it.</param>
    /// <param name="sent">Gets when each contact's RouteContact was sent, by contact id.</param>
    private static async Task RouteAllAsync(RoutingClient client, string prefix, int contacts, int concurrency, Latencies latency, ConcurrentDictionary<string, long> sent)
    {
        using var callers = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, contacts).Select(async i =>
        {
            await callers.WaitAsync();
            try
            {
                var from = Stopwatch.GetTimestamp();
                var decision = await client.Routing.RouteContactAsync(new RouteContactRequest
                {
                    RequestId = $"{prefix}-{i}",
                    Channel = Channel.Voice,
                    CustomerId = $"{prefix}-customer-{i}",
                    QueueId = QueueId,
                });
                latency.Add(Stopwatch.GetElapsedTime(from));
                sent[decision.ContactId] = from;
            }
            finally
            {
                callers.Release();
            }
        }));
    }

    /// <param name="offered">Gets when each contact's offer reached the agent's stream, by contact id.</param>
    private static async Task AnswerEveryOfferAsync(RoutingClient client, string agentId, ConcurrentDictionary<string, long> offered, CancellationToken stop)
    {
        try
        {
            await foreach (var offer in client.WatchOffersAsync(agentId, stop))
            {
                if (offer.Kind != OfferEventKind.Offered)
                {
                    continue;
                }

                var contactId = offer.Assignment.ContactId;
                offered.TryAdd(contactId, Stopwatch.GetTimestamp());
                await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() }, cancellationToken: stop);
                await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() }, cancellationToken: stop);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }
}
