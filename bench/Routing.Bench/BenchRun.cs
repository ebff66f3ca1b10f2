using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Routing.Bench;

/// <summary>
/// One run: the real server on a store, voice queues with agents whose simulated desktops accept and complete every
/// offer, and callers routing contacts over gRPC on loopback; then the scenarios asked for (<see cref="Scenarios"/>).
/// </summary>
internal static class BenchRun
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private const int ArrivalSeed = 20_261_201;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // One-way notices (contact completed, customer history, statistics written behind) land just after the last answer.
    private static readonly TimeSpan SettleInterval = TimeSpan.FromMilliseconds(1500);

    public static async Task<BenchResult> RunAsync(BenchStore store, BenchOptions options)
    {
        using var meters = new ServerMeters();
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        var app = RoutingServer.Build(
        [
            $"--Routing:Server:GrpcEndpoint={address}",
            $"--Routing:Server:HttpEndpoint=http://127.0.0.1:{FreePort.Next()}",
            $"--Routing:Server:SiloPort={FreePort.Next()}",
            $"--Routing:Server:GatewayPort={FreePort.Next()}",
            $"--Routing:Server:ClusterId=bench-{Guid.NewGuid():N}",
            "--Routing:Server:SeedFile=",
            "--Logging:LogLevel:Default=Warning",

            // Every simulated desktop and caller is this one caller: the per-caller limits must admit them all.
            "--Routing:Server:MaxStreamsPerCaller=1000000",
            "--Routing:Server:MaxCallsInFlightPerCaller=100000",
            .. options.MaxCallsInFlight > 0 ? [$"--Routing:Server:MaxCallsInFlight={options.MaxCallsInFlight}"] : Array.Empty<string>(),
            .. options.MaxDesktopCallsInFlight > 0 ? [$"--Routing:Server:MaxDesktopCallsInFlight={options.MaxDesktopCallsInFlight}"] : Array.Empty<string>(),
            .. options.CallLatencyTargetMilliseconds > 0 ? [$"--Routing:Server:CallLatencyTarget={TimeSpan.FromMilliseconds(options.CallLatencyTargetMilliseconds)}"] : Array.Empty<string>(),
            .. options.CallSlowdownTolerance > 0 ? [$"--Routing:Server:CallSlowdownTolerance={options.CallSlowdownTolerance}"] : Array.Empty<string>(),
            .. store.ServerArguments,
        ]);
        await app.StartAsync();
        using var client = RoutingClient.Connect(address);
        using var stop = new CancellationTokenSource();
        var desktops = new Desktops(client, stop.Token);
        var setUp = Stopwatch.StartNew();
        await SetUpAsync(client, options, desktops, stop.Token);
        var agentsPerSecond = options.Agents / setUp.Elapsed.TotalSeconds;

        // A first batch of contacts, not measured: until the JIT has compiled the hot path, CPU per life is twice
        // what it is after.
        await RouteAllAsync(client, "warm-up", options.WarmUpContacts, options.Callers, i => QueueOf(i, options), new Latencies(), []);
        await CompletedAsync(desktops, options.WarmUpContacts);

        // Baselines on the same server and store at the same concurrency, before and after the contacts (the
        // machine is shared: a figure is only compared with the baselines of its own run).
        var baselines = await MeasureBaselinesAsync(client, store, options);

        var storageBefore = await SettledAsync(meters);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var routeLatency = new Latencies();
        var decisionLatency = new Latencies();
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        meters.Decisions = decisionLatency;
        var clock = Stopwatch.StartNew();
        if (options.Rate > 0)
        {
            await RouteArrivingAsync(client, "bench", options.Contacts, options.Rate, i => QueueOf(i, options), routeLatency, sent);
        }
        else
        {
            await RouteAllAsync(client, "bench", options.Contacts, options.Callers, i => QueueOf(i, options), routeLatency, sent);
        }

        var routed = clock.Elapsed;
        await CompletedAsync(desktops, options.WarmUpContacts + options.Contacts);
        var handled = clock.Elapsed;
        meters.Decisions = null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var workingSet = Process.GetCurrentProcess().WorkingSet64;
        var storage = (await SettledAsync(meters)).Since(storageBefore);

        var later = await MeasureBaselinesAsync(client, store, options);
        var scenarios = await Scenarios.RunAsync(app, client, meters, options);

        var management = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var soak = options.SoakMinutes > 0
            ? await Soak.RunAsync(client, desktops, options, options.Contacts / handled.TotalSeconds, async () => (await management.GetSimpleGrainStatistics()).GroupBy(g => g.GrainType).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal))
            : null;

        // Last, as it leaves thousands of finished contacts behind; judged against the lives of this run.
        var overload = options.OverloadCallers > 0
            ? await Overload.RunAsync(address, desktops, options, options.Contacts / routed.TotalSeconds, options.Contacts / handled.TotalSeconds)
            : null;
        await stop.CancelAsync();
        await desktops.Closed();
        await app.StopAsync();
        await app.DisposeAsync();

        var offerLatency = new Latencies();
        foreach (var (contactId, at) in desktops.Offered)
        {
            if (sent.TryGetValue(contactId, out var from))
            {
                offerLatency.Add(Stopwatch.GetElapsedTime(from, at));
            }
        }

        return new BenchResult(store.Name, options.Contacts, routed, handled)
        {
            Baselines = baselines.Mean(later),
            Storage = storage,
            ProcessCpu = cpu,
            RouteLatency = routeLatency,
            OfferLatency = offerLatency,
            DecisionLatency = decisionLatency,
            WorkingSet = workingSet,
            AgentsCreatedPerSecond = agentsPerSecond,
            Scenarios = scenarios,
            Overload = overload,
            Soak = soak,
        };
    }

    /// <param name="latency">Gets each RouteContact's latency as the caller sees it.</param>
    /// <param name="sent">Gets when each contact's RouteContact was sent, by contact id.</param>
    public static async Task RouteAllAsync(
        RoutingClient client, string prefix, int contacts, int concurrency, Func<int, string> queueOf, Latencies latency, ConcurrentDictionary<string, long> sent)
    {
        using var callers = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, contacts).Select(async i =>
        {
            await callers.WaitAsync();
            try
            {
                await RouteOneAsync(client, prefix, i, queueOf, latency, sent);
            }
            finally
            {
                callers.Release();
            }
        }));
    }

    /// <summary>
    /// An open stream: contacts arrive as a Poisson process at <paramref name="rate"/> per second (seeded, so runs
    /// are comparable), each sent when it arrives whatever is still in flight.
    /// </summary>
    public static async Task RouteArrivingAsync(
        RoutingClient client, string prefix, int contacts, double rate, Func<int, string> queueOf, Latencies latency, ConcurrentDictionary<string, long> sent)
    {
        var random = new Random(ArrivalSeed);
        var clock = Stopwatch.StartNew();
        var due = TimeSpan.Zero;
        var calls = new List<Task>(contacts);
        for (var i = 0; i < contacts; i++)
        {
            due += TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / rate);
            if (due - clock.Elapsed is { Ticks: > 0 } early)
            {
                await Task.Delay(early);
            }

            calls.Add(RouteOneAsync(client, prefix, i, queueOf, latency, sent));
        }

        await Task.WhenAll(calls);
    }

    public static async Task RouteOneAsync(
        RoutingClient client, string prefix, int i, Func<int, string> queueOf, Latencies latency, ConcurrentDictionary<string, long> sent)
    {
        var request = new RouteContactRequest
        {
            RequestId = $"{prefix}-{i}",
            Channel = Channel.Voice,
            CustomerId = $"{prefix}-customer-{i}",
            QueueId = queueOf(i),
        };
        var from = Stopwatch.GetTimestamp();
        RouteContactResponse decision;
        while (true)
        {
            try
            {
                decision = await client.Routing.RouteContactAsync(request);
                break;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.ResourceExhausted or StatusCode.Unavailable or StatusCode.Internal)
            {
                // Shed, or not answered (a connection fault): the caller calls again with the same request id, and
                // its latency includes the wait, as a caller's would.
                await Task.Delay(Random.Shared.Next(5, 21));
            }
        }

        latency.Add(Stopwatch.GetElapsedTime(from));
        sent[decision.ContactId] = from;
    }

    /// <summary>Creates a voice queue with <paramref name="queueId"/>, its offers never timing out within a run.</summary>
    public static Task CreateQueueAsync(RoutingClient client, string queueId, CancellationToken cancellationToken)
    {
        var queue = new QueueConfig { QueueId = queueId, Name = queueId, OfferTimeout = Duration.FromTimeSpan(Deadline), MaxWaiting = 100_000 };
        queue.Channels.Add(Channel.Voice);
        return client.Admin.UpsertQueueAsync(queue, cancellationToken: cancellationToken).ResponseAsync;
    }

    public static string QueueOf(int contact, BenchOptions options) => $"bench-{contact % options.Queues}";

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

    /// <summary>The queues, then the agents (agent i serves queue i mod queues), as many at once as there are callers.</summary>
    private static async Task SetUpAsync(RoutingClient client, BenchOptions options, Desktops desktops, CancellationToken stop)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Queues),
            new ParallelOptions { MaxDegreeOfParallelism = options.Callers, CancellationToken = stop },
            async (q, ct) => await CreateQueueAsync(client, $"bench-{q}", ct));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Agents),
            new ParallelOptions { MaxDegreeOfParallelism = options.Callers, CancellationToken = stop },
            async (i, ct) =>
            {
                var agent = new AgentConfig { AgentId = $"agent-{i}" };
                agent.Capacity.Add(new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 1, Exclusive = true });
                agent.Queues.Add(new QueueMembership { QueueId = $"bench-{i % options.Queues}", Priority = 1 });
                await client.Admin.UpsertAgentAsync(agent, cancellationToken: ct);
                await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agent.AgentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() }, cancellationToken: ct);
                desktops.Open(agent.AgentId);
            });
    }

    public static async Task CompletedAsync(Desktops desktops, long completed)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (desktops.Completed < completed)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not every contact was completed within {Deadline}: {desktops.Completed} of {completed}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The storage's totals once nothing more has been written for a settle interval.</summary>
    private static async Task<StorageReading> SettledAsync(ServerMeters meters)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var reading = meters.Read();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(SettleInterval);
            var again = meters.Read();
            if (again.Operations == reading.Operations)
            {
                return again;
            }

            reading = again;
        }

        return reading;
    }
}
