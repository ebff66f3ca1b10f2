using Routing.Api.V1;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRestartTests
{
    [Fact]
    public async Task Waiting_contacts_keep_their_places_across_a_restart_on_PostgreSQL()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var sqliteFile = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"), "routing.db");
        string queue, agent, offered, first, second;
        await using (var before = new ServerProcess(sqliteFile, seed: false, database.ServerArguments))
        {
            await before.StartAsync();
            var center = new Center(before.Client);
            queue = await center.QueueAsync("durable", Channel.Voice);
            agent = await center.AgentAsync("steady", [queue], [(Channel.Voice, 1, true)]);
            var answered = await center.RouteAsync(queue, Channel.Voice);
            Assert.Equal((RouteOutcome.Offered, agent), (answered.Outcome, answered.AgentId));
            offered = answered.ContactId;
            var firstRouted = await center.RouteAsync(queue, Channel.Voice, customerId: "loyal");
            var secondRouted = await center.RouteAsync(queue, Channel.Voice, customerId: "patient");
            Assert.Equal(
                (RouteOutcome.Queued, 1, RouteOutcome.Queued, 2),
                (firstRouted.Outcome, firstRouted.Position, secondRouted.Outcome, secondRouted.Position));
            (first, second) = (firstRouted.ContactId, secondRouted.ContactId);
        }

        // The state is in PostgreSQL, behind the string-key prefix, and nothing went to the embedded default.
        Assert.False(File.Exists(sqliteFile), "the SQLite file of the embedded default was created although PostgreSQL is configured");
        Assert.Equal(1L, await database.ScalarAsync($"SELECT count(*) FROM grain_state WHERE grain_type = 'queue' AND grain_id_extension = 's:{queue}'"));

        await using var after = new ServerProcess(sqliteFile, seed: false, database.ServerArguments);
        await after.StartAsync();
        var client = after.Client;

        var one = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = first });
        var two = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = second });
        Assert.Equal((ContactState.Queued, 1, "loyal"), (one.State, one.Position, one.CustomerId));
        Assert.Equal((ContactState.Queued, 2, "patient"), (two.State, two.Position, two.CustomerId));
        var agentView = await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent });
        Assert.Equal(AgentStatus.Available, agentView.Status);
        var held = Assert.Single(agentView.Assignments);
        Assert.Equal((offered, AssignmentPhase.Offered), (held.ContactId, held.Phase));

        // The restored line moves: the held call completes and the first in line is offered next.
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = offered, RequestId = "a" });
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = offered, RequestId = "c" });
        var next = await Eventually.Get(
            () => client.Routing.GetContactAsync(new GetContactRequest { ContactId = first }).ResponseAsync,
            c => c.State == ContactState.Offered,
            "the first waiting call to be offered after the restart");
        Assert.Equal(agent, next.AgentId);
        var stillWaiting = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = second });
        Assert.Equal((ContactState.Queued, 1), (stillWaiting.State, stillWaiting.Position));
    }
}
