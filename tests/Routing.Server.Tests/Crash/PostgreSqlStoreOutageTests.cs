using System.Diagnostics;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;
using Routing.Server.Tests.Postgres;
using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// The store goes away under traffic and comes back: the server keeps running, its callers are told UNAVAILABLE
/// (retryable), and once PostgreSQL is back every promise made before and during the outage holds: nothing the API
/// said was accepted, connected or completed is lost or done twice, no contact is held by two agents.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStoreOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    // As long as the issue that asked for this test measured: longer than every client deadline and retry budget.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(10);

    private readonly CrashWorkspace workspace = new(output);
    private PrivatePostgresServer? store;

    public async Task InitializeAsync() => store = await PrivatePostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }

        workspace.Release();
    }

    [Fact]
    public async Task Thirty_seconds_without_the_store_under_traffic_lose_nothing_and_routing_resumes()
    {
        await using var server = new ServerUnderTest(workspace.Directory, store!.ServerArguments);
        await server.StartAsync();
        var scenario = new TrafficKillScenario(workspace.Mark);
        var resumed = TimeSpan.Zero;
        var (problems, _) = await scenario.RunAsync(
            server.Client,
            server.Client,
            async () =>
            {
                await store.PauseAsync();
                workspace.Mark($"PostgreSQL stopped; the traffic runs on against the server for {Outage.TotalSeconds:0} s");

                // The outage is the stimulus, not a wait for something: it lasts as long as the test says.
                await Task.Delay(Outage);
            },
            async () =>
            {
                await store.ResumeAsync();
                var back = Stopwatch.StartNew();
                workspace.Mark("PostgreSQL is back");
                await Eventually.Get(
                    () => RoutedUnlessUnavailableAsync(server.Client, $"after-outage-{scenario.Seed}"),
                    routed => routed,
                    $"a new contact to be routed within {ResumeWithin.TotalSeconds:0} s of the store's return",
                    ResumeWithin);
                resumed = back.Elapsed;
                workspace.Mark($"routing resumed {resumed.TotalSeconds:0.00} s after the store came back");
                return server.Client;
            },
            () => server.LogTail());

        Assert.True(problems.Count == 0, $"seed {scenario.Seed}: {problems.Count} broken promises after a store outage:\n{string.Join('\n', problems)}\n{server.LogTail()}");
        Assert.True(server.IsRunning, "the server process died during the store outage");

        // The outage reached the callers as the retryable status, never as UNKNOWN or INTERNAL.
        var failures = scenario.Ledger.FailuresAfterKill.ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, status => Assert.Equal(StatusCode.Unavailable, status));
        workspace.Mark($"{failures.Count} calls failed during the outage, every one UNAVAILABLE");
        workspace.Passed();
    }

    /// <summary>Configures a queue of its own (the traffic's line must keep its count) and routes a call into it.</summary>
    private static async Task<bool> RoutedUnlessUnavailableAsync(RoutingClient client, string requestId)
    {
        try
        {
            var queueId = await CrashCenter.QueueAsync(client, "after-outage", [Channel.Voice], TimeSpan.FromMinutes(1));
            var decision = await CrashCenter.RouteAsync(client, queueId, requestId);
            return decision.Outcome == RouteOutcome.Queued;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
        {
            return false;
        }
    }

}
