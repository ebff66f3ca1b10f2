using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Routing.Api.V1;
using Routing.Server.Mapping;
using Routing.Server.Security;
using static Routing.Server.Tests.Api.Refusal;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Past the limits of calls in flight, per caller and overall, a unary call is shed at once with RESOURCE_EXHAUSTED
/// and changes nothing; streams are counted apart; a freed place admits the next call. Calls in flight are held
/// here through the server's own limiter, so the test does not depend on timing.
/// </summary>
public sealed class AdmissionControlTests
{
    private const int Overall = 2;
    private const int PerCaller = 1;
    private const string RouteMethod = "/routing.v1.Routing/RouteContact";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    private async Task<ServerProcess> StartAsync(string name, bool tightLimits)
    {
        var server = new ServerProcess(Path.Combine(directory, name, "routing.db"), seed: false,
        [
            $"--Routing:Auth:SigningKey={AuthServerFixture.SigningKey}",
            .. tightLimits ? (string[])[$"--Routing:Server:MaxCallsInFlight={Overall}", $"--Routing:Server:MinCallsInFlight={Overall}", $"--Routing:Server:MaxCallsInFlightPerCaller={PerCaller}"] : [],
        ]);
        await server.StartAsync();
        return server;
    }

    [Fact]
    public async Task Calls_past_the_limits_in_flight_are_shed_at_once_and_change_nothing()
    {
        await using var server = await StartAsync("shed", tightLimits: true);
        using var admin = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Admin));
        using var adapter = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Adapter));
        using var supervisor = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Supervisor));
        var queue = "admission-" + Guid.NewGuid().ToString("N");
        await admin.Admin.UpsertQueueAsync(new QueueConfig { QueueId = queue, Name = queue, Channels = { Channel.Voice } });
        var admission = server.Services.GetRequiredService<CallAdmission>();
        var route = new RouteContactRequest { RequestId = "shed-" + Guid.NewGuid().ToString("N"), Channel = Channel.Voice, CustomerId = "c1", QueueId = queue };

        using (var adapterCall = admission.UnaryCalls.AttemptAcquire(CallAdmission.Key("sub:" + ApiRoles.Adapter, RouteMethod, desktop: false)))
        {
            Assert.True(adapterCall.IsAcquired);
            await Refused(StatusCode.ResourceExhausted, () => adapter.Routing.RouteContactAsync(route).ResponseAsync, $"this caller already has {PerCaller} calls in flight");
            Assert.NotNull(await supervisor.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue }));

            using var supervisorCall = admission.UnaryCalls.AttemptAcquire(CallAdmission.Key("sub:" + ApiRoles.Supervisor, RouteMethod, desktop: false));
            Assert.True(supervisorCall.IsAcquired);
            await Refused(StatusCode.ResourceExhausted, () => admin.Admin.ListAgentsAsync(new ListAgentsRequest()).ResponseAsync, $"the server is at its limit of {Overall} calls in flight (as many as keep calls within 100 ms and 10 × their unloaded latency)");

            // Desktops finishing admitted work have a limit of their own: a server full of new calls still takes theirs.
            using var desktop = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Agent, "nobody"));
            await Refused(StatusCode.NotFound, () => desktop.Agents.GetAgentAsync(new GetAgentRequest { AgentId = "nobody" }).ResponseAsync, "agent 'nobody' does not exist");

            // Streams have limits of their own: a full server still opens one.
            using var stream = supervisor.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { queue } });
            Assert.Equal(queue, (await Eventually.Next(stream.ResponseStream, "a stream opened while unary calls are full")).Queues[0].QueueId);
        }

        // The shed route created no contact; with its places free the same request is routed.
        await Refused(StatusCode.NotFound, () => adapter.Routing.GetContactAsync(new GetContactRequest { ContactId = ContactIds.Of(ApiRoles.Adapter, route.RequestId) }).ResponseAsync, "does not exist");
        var routed = await adapter.Routing.RouteContactAsync(route);
        Assert.Equal(RouteOutcome.Queued, routed.Outcome);
    }

    [Fact]
    public async Task A_route_whose_deadline_passes_leaves_no_contact_its_request_id_does_not_reach()
    {
        // The default limits: a call whose caller gave up may still hold its place while the retry arrives.
        await using var server = await StartAsync("deadline", tightLimits: false);
        using var admin = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Admin));
        using var adapter = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Adapter));
        using var supervisor = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Supervisor));
        var queue = "deadline-" + Guid.NewGuid().ToString("N");
        await admin.Admin.UpsertQueueAsync(new QueueConfig { QueueId = queue, Name = queue, Channels = { Channel.Voice } });

        const int Requests = 5;
        for (var attempt = 0; attempt < Requests; attempt++)
        {
            var route = new RouteContactRequest { RequestId = $"deadline-{attempt}-{Guid.NewGuid():N}", Channel = Channel.Voice, CustomerId = "c1", QueueId = queue };

            // The store held by another writer: the route cannot become durable before its deadline, whatever the
            // machine's speed, and goes on once the caller has gone.
            await using (var holder = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
            {
                await holder.OpenAsync();
                await using var hold = holder.CreateCommand();
                hold.CommandText = "BEGIN IMMEDIATE;";
                await hold.ExecuteNonQueryAsync();
                var gone = await Assert.ThrowsAsync<RpcException>(
                    () => adapter.Routing.RouteContactAsync(route, deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync);
                Assert.Equal(StatusCode.DeadlineExceeded, gone.StatusCode);
                hold.CommandText = "ROLLBACK;";
                await hold.ExecuteNonQueryAsync();
            }

            // The caller retries as a client would: whatever the server kept, the request id reaches it.
            Assert.Equal(ContactIds.Of(ApiRoles.Adapter, route.RequestId), (await adapter.Routing.RouteContactAsync(route)).ContactId);
        }

        // One contact per request, each one a caller was told about: none kept behind a caller's back, none twice.
        var stats = await supervisor.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal(Requests, stats.Waiting);
    }
}
