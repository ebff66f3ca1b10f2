using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Routing.Server.Hosting;
using Routing.Server.Security;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Readiness follows the store and the host's life: NOT_SERVING while the store cannot commit (held here by another
/// writer, so the test does not depend on timing) and once the server starts stopping; liveness does not follow the
/// store; a server shedding calls still answers its probes.
/// </summary>
public sealed class HealthLifecycleTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_store_that_cannot_commit_makes_the_server_unready_but_alive_until_it_commits_again()
    {
        await using var server = new ServerProcess(Path.Combine(directory, "store", "routing.db"), seed: false, ["--Routing:Server:HealthCheckTimeout=00:00:00.500"]);
        await server.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        var health = new HealthClient(channel);
        Assert.Equal(ServingStatus.Serving, await StatusOf(health, ""));

        await using (var holder = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            Assert.Equal(ServingStatus.NotServing, await StatusOf(health, ""));
            Assert.Equal(ServingStatus.NotServing, await StatusOf(health, RoutingHealthExtensions.RouterServices[0]));
            Assert.Equal(ServingStatus.Serving, await StatusOf(health, RoutingHealthExtensions.LivenessService));

            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        await Eventually.Get(() => StatusOf(health, ""), status => status == ServingStatus.Serving, "SERVING once the store commits again");
    }

    [Fact]
    public async Task Probes_are_answered_while_calls_are_shed()
    {
        await using var server = new ServerProcess(Path.Combine(directory, "shed", "routing.db"), seed: false,
            [$"--Routing:Auth:SigningKey={AuthServerFixture.SigningKey}", "--Routing:Server:MaxCallsInFlight=1", "--Routing:Server:MinCallsInFlight=1"]);
        await server.StartAsync();
        var admission = server.Services.GetRequiredService<CallAdmission>();
        using var held = admission.UnaryCalls.AttemptAcquire(CallAdmission.Key("sub:someone", "/routing.v1.Routing/RouteContact", desktop: false));
        Assert.True(held.IsAcquired);
        using var adapter = Routing.Client.RoutingClient.Connect(server.Address, AuthServerFixture.Token(ApiRoles.Adapter));
        var shed = await Assert.ThrowsAsync<RpcException>(() => adapter.Routing.GetQueueEstimateAsync(new Routing.Api.V1.GetQueueEstimateRequest { QueueId = "q" }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, shed.StatusCode);

        // No token either: probes carry none.
        using var channel = GrpcChannel.ForAddress(server.Address);
        Assert.Equal(ServingStatus.Serving, await StatusOf(new HealthClient(channel), ""));
    }

    [Fact]
    public async Task A_stopping_server_tells_its_watchers_it_is_not_serving()
    {
        var server = new ServerProcess(Path.Combine(directory, "stop", "routing.db"), seed: false);
        await server.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);
        using var watch = new HealthClient(channel).Watch(new HealthCheckRequest { Service = "" });
        Assert.Equal(ServingStatus.Serving, (await Eventually.Next(watch.ResponseStream, "the first health status")).Status);

        var stopping = server.StopAsync();
        Assert.Equal(ServingStatus.NotServing, (await Eventually.Next(watch.ResponseStream, "NOT_SERVING as the server stops")).Status);
        await stopping;
    }

    private static async Task<ServingStatus> StatusOf(HealthClient health, string service) =>
        (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status;
}
