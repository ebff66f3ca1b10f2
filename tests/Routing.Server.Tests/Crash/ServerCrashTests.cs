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
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(20);

    // Short enough to expire soon after the restart, long enough to outlast the setup before the kill.
    private static readonly TimeSpan ShortOfferTimeout = TimeSpan.FromSeconds(6);

    private readonly CrashWorkspace workspace = new(output);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await ReleaseStoresAsync();
        workspace.Release();
    }

    [Fact]
    public async Task Killing_the_server_under_traffic_loses_no_contact_it_accepted()
    {
        await using var server = new ServerUnderTest(workspace.Directory, await StoreArgumentsAsync(workspace.Directory));
        await server.StartAsync();
        workspace.Mark("server started");

        var scenario = new TrafficKillScenario(workspace.Mark);
        var (problems, _) = await scenario.RunAsync(
            server.Client,
            server.Client,
            server.KillAsync,
            async () =>
            {
                await server.StartAsync();
                workspace.Mark("restarted on the same store");
                return server.Client;
            },
            () => server.LogTail());

        Assert.True(problems.Count == 0, $"seed {scenario.Seed}: {problems.Count} broken promises after kill -9 and restart:\n{string.Join('\n', problems)}\n{server.LogTail()}");
        workspace.Passed();
    }

    [Fact]
    public async Task A_restarted_server_resumes_routing_where_it_stopped()
    {
        await using var server = new ServerUnderTest(workspace.Directory, await StoreArgumentsAsync(workspace.Directory));
        await server.StartAsync();
        workspace.Mark("server started");

        var queueId = await CrashCenter.QueueAsync(server.Client, "resume-line", [Channel.Voice], ShortOfferTimeout);
        foreach (var agentId in new[] { "first", "second" })
        {
            await CrashCenter.AgentAsync(server.Client, new CrashAgent(agentId, Channel.Voice, 1, true, false), queueId);
            await server.Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() }, deadline: CrashCenter.Deadline());
        }

        // One call connected, one ringing at the other agent, two waiting behind them.
        var connected = await CrashCenter.RouteUntilOfferedAsync(server.Client, queueId, "resume-1");
        var connectedAgent = connected.AgentId;
        await server.Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = connectedAgent, ContactId = connected.ContactId, RequestId = "accept-1" }, deadline: CrashCenter.Deadline());
        var ringing = await CrashCenter.RouteUntilOfferedAsync(server.Client, queueId, "resume-2");
        var ringingAgent = ringing.AgentId;
        Assert.NotEqual(connectedAgent, ringingAgent);
        var third = await CrashCenter.RouteAsync(server.Client, queueId, "resume-3");
        var fourth = await CrashCenter.RouteAsync(server.Client, queueId, "resume-4");
        Assert.Equal((RouteOutcome.Queued, 1, RouteOutcome.Queued, 2), (third.Outcome, third.Position, fourth.Outcome, fourth.Position));
        var offer = Assert.Single((await CrashCenter.GetAgentAsync(server.Client, ringingAgent)).Assignments);
        var expires = offer.Until.ToDateTimeOffset();

        await server.KillAsync();
        Assert.True(DateTimeOffset.UtcNow < expires, $"the offer to {ringingAgent} expired before the kill; the setup took longer than the {ShortOfferTimeout.TotalSeconds} s offer timeout");
        workspace.Mark($"kill -9 with {connected.ContactId} connected to {connectedAgent} and {ringing.ContactId} ringing at {ringingAgent}");
        await server.StartAsync();
        workspace.Mark("restarted on the same store");
        var client = server.Client;

        // The ringing offer's deadline outlived the process: it expires on the restarted server, the agent who missed
        // it is not ready, and the call goes back to its place, ahead of the two that arrived after it.
        var returned = await Eventually.Get(
            () => CrashCenter.GetContactAsync(client, ringing.ContactId),
            c => c.State == ContactState.Queued,
            $"the offer of {ringing.ContactId} pending at the kill to expire after the restart",
            ShortOfferTimeout + SettleTimeout);
        workspace.Mark("the offer pending at the kill expired");
        Assert.Equal(1, returned.Position);
        Assert.Equal(2, (await CrashCenter.GetContactAsync(client, third.ContactId)).Position);
        Assert.Equal(3, (await CrashCenter.GetContactAsync(client, fourth.ContactId)).Position);
        var missed = await CrashCenter.GetAgentAsync(client, ringingAgent);
        Assert.Equal(AgentStatus.NotReady, missed.Status);
        Assert.Contains("expired", missed.NotReadyReason, StringComparison.Ordinal);
        Assert.Empty(missed.Assignments);
        var busy = Assert.Single((await CrashCenter.GetAgentAsync(client, connectedAgent)).Assignments);
        Assert.Equal((connected.ContactId, AssignmentPhase.Connected), (busy.ContactId, busy.Phase));

        // Routing resumes on the restored state: the call ends, and its agent is offered the first call in line.
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = connectedAgent, ContactId = connected.ContactId, RequestId = "complete-1" }, deadline: CrashCenter.Deadline());
        var next = await Eventually.Get(
            () => CrashCenter.GetContactAsync(client, ringing.ContactId),
            c => c.State == ContactState.Offered,
            $"{connectedAgent} to take the first waiting call after completing its call");
        Assert.Equal(connectedAgent, next.AgentId);
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = connectedAgent, ContactId = ringing.ContactId, RequestId = "accept-2" }, deadline: CrashCenter.Deadline());
        Assert.Equal((ContactState.Connected, connectedAgent), CrashCenter.Fields(await CrashCenter.GetContactAsync(client, ringing.ContactId)));
        Assert.Equal((ContactState.Completed, connectedAgent), CrashCenter.Fields(await CrashCenter.GetContactAsync(client, connected.ContactId)));
        Assert.Equal(1, (await CrashCenter.GetContactAsync(client, third.ContactId)).Position);
        Assert.Equal(2, (await CrashCenter.GetContactAsync(client, fourth.ContactId)).Position);
        workspace.Mark("routing resumed");
        workspace.Passed();
    }

    /// <summary>
    /// Server arguments (<c>--Key=Value</c>) that point the server at a fresh, empty store for one test; none for the
    /// embedded SQLite file, which lives in <paramref name="workDirectory"/>. Every start of the test's server gets
    /// the same arguments, so a restart finds the same store.
    /// </summary>
    protected abstract Task<IReadOnlyList<string>> StoreArgumentsAsync(string workDirectory);

    /// <summary>Drops what <see cref="StoreArgumentsAsync"/> created outside the work directory, after the test.</summary>
    protected virtual Task ReleaseStoresAsync() => Task.CompletedTask;

}
