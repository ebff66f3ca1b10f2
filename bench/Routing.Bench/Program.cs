using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Bench;
using Routing.Client;
using Routing.Server;

// Routes contacts through the real server over gRPC on loopback, with simulated agent desktops that accept and
// complete every offer, and reports contacts per second and storage writes per contact by grain type.
var options = BenchOptions.Parse(args);
var directory = Path.Combine(Path.GetTempPath(), "routing-bench", Guid.NewGuid().ToString("N"));
var database = Path.Combine(directory, "routing.db");
var address = $"http://127.0.0.1:{FreePort.Next()}";
var app = RoutingServer.Build(
[
    $"--Routing:Server:GrpcEndpoint={address}",
    $"--Routing:Server:SiloPort={FreePort.Next()}",
    $"--Routing:Server:GatewayPort={FreePort.Next()}",
    "--Routing:Server:SeedFile=",
    $"--Routing:Storage:Sqlite:DatabasePath={database}",
    "--Logging:LogLevel:Default=Warning",
]);
await app.StartAsync();
using var client = RoutingClient.Connect(address);
using var stop = new CancellationTokenSource();

var queue = new QueueConfig { QueueId = "bench", Name = "bench", OfferTimeout = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) };
queue.Channels.Add(Channel.Voice);
await client.Admin.UpsertQueueAsync(queue);
var desktops = new List<Task>();
for (var i = 0; i < options.Agents; i++)
{
    var agent = new AgentConfig { AgentId = $"agent-{i}" };
    agent.Capacity.Add(new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 1, Exclusive = true });
    agent.Queues.Add(new QueueMembership { QueueId = "bench", Priority = 1 });
    await client.Admin.UpsertAgentAsync(agent);
    await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agent.AgentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
    desktops.Add(AnswerEveryOfferAsync(client, agent.AgentId, stop.Token));
}

var before = await StoreWrites.ByGrainTypeAsync(database);
var clock = Stopwatch.StartNew();
using var callers = new SemaphoreSlim(options.Callers);
await Task.WhenAll(Enumerable.Range(0, options.Contacts).Select(async i =>
{
    await callers.WaitAsync();
    try
    {
        await client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = $"bench-{i}",
            Channel = Channel.Voice,
            CustomerId = $"customer-{i}",
            QueueId = "bench",
        });
    }
    finally
    {
        callers.Release();
    }
}));
var routed = clock.Elapsed;
var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
while ((await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = "bench" })).Answered < options.Contacts)
{
    if (DateTime.UtcNow > deadline)
    {
        throw new TimeoutException("not every contact was answered within 5 minutes");
    }

    await Task.Delay(TimeSpan.FromMilliseconds(20));
}

var handled = clock.Elapsed;

// One-way notices (contact completed, customer history) land just after: wait until the store stops moving.
var after = await StoreWrites.ByGrainTypeAsync(database);
for (var settled = false; !settled && DateTime.UtcNow < deadline;)
{
    await Task.Delay(TimeSpan.FromMilliseconds(300));
    var again = await StoreWrites.ByGrainTypeAsync(database);
    settled = again.Sum(p => p.Value) == after.Sum(p => p.Value);
    after = again;
}

await stop.CancelAsync();
await Task.WhenAll(desktops);
await app.StopAsync();

var culture = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(culture, $"store: embedded SQLite; {options.Contacts} voice contacts, {options.Agents} agents, {options.Callers} concurrent callers"));
Console.WriteLine(string.Create(culture, $"routing (RouteContact answered): {routed.TotalSeconds:0.00} s = {options.Contacts / routed.TotalSeconds:0} contacts/s"));
Console.WriteLine(string.Create(culture, $"full life (routed, offered, accepted, completed): {handled.TotalSeconds:0.00} s = {options.Contacts / handled.TotalSeconds:0} contacts/s"));
Console.WriteLine("storage writes per contact, by grain state:");
foreach (var type in after.Keys.Order(StringComparer.Ordinal))
{
    var writes = after[type] - before.GetValueOrDefault(type);
    Console.WriteLine(string.Create(culture, $"  {type,-10} {(double)writes / options.Contacts,6:0.00}"));
}

Console.WriteLine(string.Create(culture, $"  {"total",-10} {(double)(after.Values.Sum() - before.Values.Sum()) / options.Contacts,6:0.00}"));
Directory.Delete(directory, recursive: true);

static async Task AnswerEveryOfferAsync(RoutingClient client, string agentId, CancellationToken cancellationToken)
{
    try
    {
        await foreach (var offer in client.WatchOffersAsync(agentId, cancellationToken))
        {
            if (offer.Kind != OfferEventKind.Offered)
            {
                continue;
            }

            var contactId = offer.Assignment.ContactId;
            await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() }, cancellationToken: cancellationToken);
            await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() }, cancellationToken: cancellationToken);
        }
    }
    catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
    {
    }
    catch (OperationCanceledException)
    {
    }
}
