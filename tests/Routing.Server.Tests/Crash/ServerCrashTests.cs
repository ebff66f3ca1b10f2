using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;
using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// <c>kill -9</c> of a real server process, then a restart on the same store: whatever a client was told before the
/// kill must still hold. The store is the derived class's choice, given as server arguments, so the same tests run
/// on the embedded SQLite file and on any other store the server can be pointed at.
/// </summary>
public abstract class ServerCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Kill once this many contacts were routed, accepted and completed: under traffic, not at rest.</summary>
    private const int KillAfterRouted = 60;
    private const int KillAfterAccepted = 8;
    private const int KillAfterCompleted = 2;

    private const string BreakReason = "training";

    private static readonly TimeSpan TrafficTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    // Longer than any test: offers in the traffic test never expire on their own, priorities never age past each other.
    private static readonly TimeSpan LongOfferTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StarvationBound = TimeSpan.FromHours(1);

    // Short enough to expire soon after the restart, long enough to outlast the setup before the kill.
    private static readonly TimeSpan ShortOfferTimeout = TimeSpan.FromSeconds(6);

    private readonly string workDirectory = CrashFiles.NewWorkDirectory();
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private bool passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await ReleaseStoresAsync();
        CrashFiles.Release(workDirectory, passed, output);
    }

    [Fact]
    public async Task Killing_the_server_under_traffic_loses_no_contact_it_accepted()
    {
        var seed = Seed();
        output.WriteLine($"seed {seed} (set ROUTING_CRASH_SEED={seed} to repeat the same choices)");
        await using var server = new ServerUnderTest(workDirectory, await StoreArgumentsAsync(workDirectory));
        await server.StartAsync();
        Mark("server started");

        var start = DateTimeOffset.UtcNow;
        var queueId = await QueueAsync(server.Client, "crash-line", [Channel.Voice, Channel.Chat], LongOfferTimeout);
        CrashAgent[] roster =
        [
            // Voice agents keep their first call, so voice calls of both priorities pile up for the order checks;
            // chat agents keep one chat each and churn through the other slot.
            new("voice-1", Channel.Voice, 1, true, KeepsFirstAccepted: true),
            new("voice-2", Channel.Voice, 1, true, KeepsFirstAccepted: true),
            new("voice-3", Channel.Voice, 1, true, KeepsFirstAccepted: true),
            new("chat-1", Channel.Chat, 2, false, KeepsFirstAccepted: true),
            new("chat-2", Channel.Chat, 2, false, KeepsFirstAccepted: true),
            new("voice-on-break", Channel.Voice, 1, true, KeepsFirstAccepted: false),
        ];
        var ledger = new CrashLedger();
        foreach (var agent in roster)
        {
            await AgentAsync(server.Client, agent, queueId);
            var status = agent.AgentId == "voice-on-break" ? AgentStatus.NotReady : AgentStatus.Available;
            var view = await server.Client.Agents.SetStatusAsync(
                new SetStatusRequest { AgentId = agent.AgentId, Status = status, Reason = status == AgentStatus.NotReady ? BreakReason : string.Empty, RequestId = RoutingClient.NewRequestId() },
                deadline: Deadline());
            ledger.Statuses[agent.AgentId] = (view.Status, null);
        }

        Mark("center configured");

        var traffic = new CallCenterTraffic(server.Client, ledger, queueId, roster, seed);
        using var stop = new CancellationTokenSource();
        var running = traffic.RunAsync(stop.Token);
        var reached = ledger.Reached(KillAfterRouted, KillAfterAccepted, KillAfterCompleted);
        try
        {
            await Task.WhenAny(reached, running).WaitAsync(TrafficTimeout);
        }
        catch (TimeoutException)
        {
            // Reported below with the counts reached.
        }

        Assert.True(
            reached.IsCompleted,
            $"the traffic stopped before {KillAfterRouted} contacts were routed, {KillAfterAccepted} accepted and {KillAfterCompleted} completed (routed {ledger.Routed.Count}, accepted {ledger.Accepted.Count}, completed {ledger.Completed.Count}): {string.Join("; ", ledger.Violations)}\n{server.LogTail()}");
        Mark($"{ledger.Routed.Count} routed, {ledger.Accepted.Count} accepted, {ledger.Completed.Count} completed: kill -9");

        ledger.BeginKill();
        await server.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await stop.CancelAsync();
        await running.WaitAsync(TrafficTimeout);
        var inFlight = ledger.Attempted.Count - ledger.Routed.Count;
        Mark($"killed; {ledger.Routed.Count} routes returned, {inFlight} in flight; accepts {ledger.Accepted.Count}/{ledger.AcceptSent.Count}, completes {ledger.Completed.Count}/{ledger.CompleteSent.Count}, rejects {ledger.RejectSent.Count} (returned/sent)");

        await server.StartAsync();
        Mark("restarted on the same store");
        var snapshot = await RouterSnapshot.SettledAsync(server.Client, roster.Select(a => a.AgentId), ledger.Attempted.Keys, queueId, SettleTimeout);
        Mark($"settled: {Summary(snapshot)}");

        var problems = ledger.Violations.ToList();
        var verdict = RouterInvariants.Check(ledger, snapshot, roster, queueId, (start, killedAt));
        problems.AddRange(verdict.Problems);
        if (verdict.AwaitingCompleteRetry.Count > 0 && problems.Count == 0)
        {
            // A desktop whose complete was cut off by the kill sends it again: the agent lets the ended contact go.
            foreach (var (contactId, agentId) in verdict.AwaitingCompleteRetry)
            {
                var retried = await server.Client.Agents.CompleteContactAsync(
                    new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId(), Disposition = "resolved" },
                    deadline: Deadline());
                Assert.Equal(AssignmentPhase.Completed, retried.Phase);
                ledger.Completed[contactId] = agentId;
            }

            snapshot = await RouterSnapshot.SettledAsync(server.Client, roster.Select(a => a.AgentId), ledger.Attempted.Keys, queueId, SettleTimeout);
            Mark($"retried {verdict.AwaitingCompleteRetry.Count} completes cut off by the kill; settled: {Summary(snapshot)}");
            problems.AddRange(RouterInvariants.Check(ledger, snapshot, roster, queueId, (start, killedAt)).Problems);
        }

        var onBreak = snapshot.Agents["voice-on-break"];
        if ((onBreak.Status, onBreak.NotReadyReason, onBreak.Assignments.Count) != (AgentStatus.NotReady, BreakReason, 0))
        {
            problems.Add($"voice-on-break was not ready ({BreakReason}) with no work; after the restart: {onBreak.Status} '{onBreak.NotReadyReason}' holding {onBreak.Assignments.Count}");
        }

        Assert.True(problems.Count == 0, $"seed {seed}: {problems.Count} broken promises after kill -9 and restart:\n{string.Join('\n', problems)}\n{server.LogTail()}");

        // The checks had material: contacts of both priorities waiting in order, connected and completed contacts.
        var waitingPriorities = snapshot.Contacts.Values.Where(c => c.State == ContactState.Queued).Select(c => c.Priority).Distinct().Count();
        Assert.True(waitingPriorities >= 2, $"seed {seed}: the contacts left waiting do not mix priorities, so their order proves little: {Summary(snapshot)}");
        Assert.Contains(snapshot.Contacts.Values, c => c.State == ContactState.Connected);
        Assert.Contains(snapshot.Contacts.Values, c => c.State == ContactState.Completed);
        passed = true;
    }

    [Fact]
    public async Task A_restarted_server_resumes_routing_where_it_stopped()
    {
        await using var server = new ServerUnderTest(workDirectory, await StoreArgumentsAsync(workDirectory));
        await server.StartAsync();
        Mark("server started");

        var queueId = await QueueAsync(server.Client, "resume-line", [Channel.Voice], ShortOfferTimeout);
        foreach (var agentId in new[] { "first", "second" })
        {
            await AgentAsync(server.Client, new CrashAgent(agentId, Channel.Voice, 1, true, false), queueId);
            await server.Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() }, deadline: Deadline());
        }

        // One call connected, one ringing at the other agent, two waiting behind them.
        var connected = await RouteUntilOfferedAsync(server.Client, queueId, "resume-1");
        var connectedAgent = connected.AgentId;
        await server.Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = connectedAgent, ContactId = connected.ContactId, RequestId = "accept-1" }, deadline: Deadline());
        var ringing = await RouteUntilOfferedAsync(server.Client, queueId, "resume-2");
        var ringingAgent = ringing.AgentId;
        Assert.NotEqual(connectedAgent, ringingAgent);
        var third = await RouteAsync(server.Client, queueId, "resume-3");
        var fourth = await RouteAsync(server.Client, queueId, "resume-4");
        Assert.Equal((RouteOutcome.Queued, 1, RouteOutcome.Queued, 2), (third.Outcome, third.Position, fourth.Outcome, fourth.Position));
        var offer = Assert.Single((await GetAgentAsync(server.Client, ringingAgent)).Assignments);
        var expires = offer.Until.ToDateTimeOffset();

        await server.KillAsync();
        Assert.True(DateTimeOffset.UtcNow < expires, $"the offer to {ringingAgent} expired before the kill; the setup took longer than the {ShortOfferTimeout.TotalSeconds} s offer timeout");
        Mark($"kill -9 with {connected.ContactId} connected to {connectedAgent} and {ringing.ContactId} ringing at {ringingAgent}");
        await server.StartAsync();
        Mark("restarted on the same store");
        var client = server.Client;

        // The ringing offer's deadline outlived the process: it expires on the restarted server, the agent who missed
        // it is not ready, and the call goes back to its place, ahead of the two that arrived after it.
        var returned = await Eventually.Get(
            () => GetContactAsync(client, ringing.ContactId),
            c => c.State == ContactState.Queued,
            $"the offer of {ringing.ContactId} pending at the kill to expire after the restart",
            ShortOfferTimeout + SettleTimeout);
        Mark("the offer pending at the kill expired");
        Assert.Equal(1, returned.Position);
        Assert.Equal(2, (await GetContactAsync(client, third.ContactId)).Position);
        Assert.Equal(3, (await GetContactAsync(client, fourth.ContactId)).Position);
        var missed = await GetAgentAsync(client, ringingAgent);
        Assert.Equal(AgentStatus.NotReady, missed.Status);
        Assert.Contains("expired", missed.NotReadyReason, StringComparison.Ordinal);
        Assert.Empty(missed.Assignments);
        var busy = Assert.Single((await GetAgentAsync(client, connectedAgent)).Assignments);
        Assert.Equal((connected.ContactId, AssignmentPhase.Connected), (busy.ContactId, busy.Phase));

        // Routing resumes on the restored state: the call ends, and its agent is offered the first call in line.
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = connectedAgent, ContactId = connected.ContactId, RequestId = "complete-1" }, deadline: Deadline());
        var next = await Eventually.Get(
            () => GetContactAsync(client, ringing.ContactId),
            c => c.State == ContactState.Offered,
            $"{connectedAgent} to take the first waiting call after completing its call");
        Assert.Equal(connectedAgent, next.AgentId);
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = connectedAgent, ContactId = ringing.ContactId, RequestId = "accept-2" }, deadline: Deadline());
        Assert.Equal((ContactState.Connected, connectedAgent), Fields(await GetContactAsync(client, ringing.ContactId)));
        Assert.Equal((ContactState.Completed, connectedAgent), Fields(await GetContactAsync(client, connected.ContactId)));
        Assert.Equal(1, (await GetContactAsync(client, third.ContactId)).Position);
        Assert.Equal(2, (await GetContactAsync(client, fourth.ContactId)).Position);
        Mark("routing resumed");
        passed = true;
    }

    /// <summary>
    /// Server arguments (<c>--Key=Value</c>) that point the server at a fresh, empty store for one test; none for the
    /// embedded SQLite file, which lives in <paramref name="workDirectory"/>. Every start of the test's server gets
    /// the same arguments, so a restart finds the same store.
    /// </summary>
    protected abstract Task<IReadOnlyList<string>> StoreArgumentsAsync(string workDirectory);

    /// <summary>Drops what <see cref="StoreArgumentsAsync"/> created outside the work directory, after the test.</summary>
    protected virtual Task ReleaseStoresAsync() => Task.CompletedTask;

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("ROUTING_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Environment.TickCount & int.MaxValue;

    private static async Task<string> QueueAsync(RoutingClient client, string queueId, Channel[] channels, TimeSpan offerTimeout)
    {
        var config = new QueueConfig
        {
            QueueId = queueId,
            Name = queueId,
            MaxWaiting = 1000,
            OfferTimeout = Duration.FromTimeSpan(offerTimeout),
            StarvationBound = Duration.FromTimeSpan(StarvationBound),
        };
        config.Channels.Add(channels);
        await client.Admin.UpsertQueueAsync(config, deadline: Deadline());
        return queueId;
    }

    private static async Task AgentAsync(RoutingClient client, CrashAgent agent, string queueId)
    {
        var config = new AgentConfig { AgentId = agent.AgentId, Name = agent.AgentId };
        config.Queues.Add(new QueueMembership { QueueId = queueId, Priority = 1 });
        config.Capacity.Add(new ChannelCapacity { Channel = agent.Channel, MaxConcurrent = agent.MaxConcurrent, Exclusive = agent.Exclusive });
        await client.Admin.UpsertAgentAsync(config, deadline: Deadline());
    }

    private static async Task<RouteContactResponse> RouteAsync(RoutingClient client, string queueId, string requestId) =>
        await client.Routing.RouteContactAsync(
            new RouteContactRequest { RequestId = requestId, Channel = Channel.Voice, CustomerId = $"customer-{requestId}", QueueId = queueId },
            deadline: Deadline());

    /// <summary>Routes a call and waits until an agent holds its offer (the queue may learn of a free agent a moment late).</summary>
    private static async Task<Contact> RouteUntilOfferedAsync(RoutingClient client, string queueId, string requestId)
    {
        var decision = await RouteAsync(client, queueId, requestId);
        return await Eventually.Get(
            () => GetContactAsync(client, decision.ContactId),
            c => c.State == ContactState.Offered,
            $"call {requestId} to be offered to a free agent");
    }

    private static Task<Contact> GetContactAsync(RoutingClient client, string contactId) =>
        client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }, deadline: Deadline()).ResponseAsync;

    private static Task<Agent> GetAgentAsync(RoutingClient client, string agentId) =>
        client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agentId }, deadline: Deadline()).ResponseAsync;

    private static (ContactState, string) Fields(Contact contact) => (contact.State, contact.AgentId);

    private static string Summary(RouterSnapshot snapshot) =>
        string.Join(", ", snapshot.Contacts.Values.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))
        + $"; queue waiting {snapshot.Stats.Waiting}, offered {snapshot.Stats.Offered}";

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;

    private void Mark(string step) => output.WriteLine($"{elapsed.Elapsed.TotalSeconds,6:0.00} s  {step}");
}
