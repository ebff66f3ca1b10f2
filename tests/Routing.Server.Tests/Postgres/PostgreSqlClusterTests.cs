using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlClusterTests
{
    [Fact]
    public async Task Two_servers_on_one_PostgreSQL_database_form_one_cluster_and_route_across_it()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        await FormOneClusterAndRouteAcrossItAsync(database, directory, [], _ => Task.CompletedTask);
    }

    [Fact]
    public async Task Silos_holding_the_cluster_certificate_talk_TLS_to_each_other_and_route_across_the_cluster()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        using var certificate = TestCertificates.SelfSigned();
        var path = await TestCertificates.WritePfxAsync(certificate, directory, "cluster.pfx", "cluster-secret");
        await FormOneClusterAndRouteAcrossItAsync(
            database,
            directory,
            [$"--Routing:Server:SiloCertificatePath={path}", "--Routing:Server:SiloCertificatePassword=cluster-secret"],
            async silo =>
            {
                // The silo port speaks TLS, presents the cluster's certificate and takes the same from its peer.
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(silo);
                await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString());
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", ClientCertificates = [certificate] });
                Assert.True(tls.IsMutuallyAuthenticated, "the silo took the cluster certificate from its peer over TLS");
            });
    }

    /// <param name="whileRunning">Checks one of the two silos' endpoints while both run and route.</param>
    private static async Task FormOneClusterAndRouteAcrossItAsync(PostgresDatabase database, string directory, string[] extraArguments, Func<IPEndPoint, Task> whileRunning)
    {
        string[] arguments = [.. database.ServerArguments, $"--Routing:Server:ClusterId=cluster-{Guid.NewGuid():N}", .. extraArguments];
        await using var serverA = new ServerProcess(Path.Combine(directory, "a.db"), seed: false, arguments);
        await using var serverB = new ServerProcess(Path.Combine(directory, "b.db"), seed: false, arguments);
        await serverA.StartAsync();
        await serverB.StartAsync();

        // Each silo sees both as active members of one cluster (membership is read from the shared table).
        var seenByA = await Eventually.Get(() => ActiveSilos(serverA), silos => silos.Count == 2, "server A to see two active silos");
        var seenByB = await Eventually.Get(() => ActiveSilos(serverB), silos => silos.Count == 2, "server B to see two active silos");
        Assert.Equal(seenByA, seenByB);
        Assert.Equal(2L, await database.ScalarAsync("SELECT count(*) FROM membership WHERE status = 3"));

        // An agent and a queue configured through server A are visible through server B.
        var center = new Center(serverA.Client);
        var queue = await center.QueueAsync("shared", Channel.Chat);
        var agent = await center.AgentAsync("remote", [queue], [(Channel.Chat, 2, false)], available: false);
        var config = await serverB.Client.Admin.GetAgentConfigAsync(new GetAgentConfigRequest { AgentId = agent });
        Assert.Equal(("remote", queue), (config.Name, Assert.Single(config.Queues).QueueId));

        // The agent logs in through A; a chat routed through B is offered to that agent, and A sees the offer.
        await serverA.Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agent, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        var routed = await new Center(serverB.Client).RouteAsync(queue, Channel.Chat);
        Assert.Equal((RouteOutcome.Offered, agent), (routed.Outcome, routed.AgentId));
        var seenFromA = await serverA.Client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent });
        var offer = Assert.Single(seenFromA.Assignments);
        Assert.Equal((routed.ContactId, AssignmentPhase.Offered), (offer.ContactId, offer.Phase));

        await whileRunning(serverA.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint);
        await serverB.StopAsync();
        await serverA.StopAsync();
    }

    private static async Task<IReadOnlyList<string>> ActiveSilos(ServerProcess server)
    {
        var management = server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        return [.. hosts.Keys.Select(silo => silo.ToString()).Order(StringComparer.Ordinal)];
    }
}
