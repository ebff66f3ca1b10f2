using Routing.Api.V1;

namespace Routing.Server.Tests.Api;

/// <summary>Own collection: these tests stop and start their own server on one database file.</summary>
[Collection(RestartCollection.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task The_days_statistics_survive_a_server_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "routing.db");
        string queue;
        QueueStats before;
        await using (var first = new ServerProcess(database, seed: false))
        {
            await first.StartAsync();
            var center = new Center(first.Client);
            queue = await center.QueueAsync("counted", Channel.Voice);
            var gone = await center.RouteAsync(queue, Channel.Voice);
            await first.Client.Routing.CancelContactAsync(new CancelContactRequest { RequestId = "hang-up", ContactId = gone.ContactId });
            await center.RouteAsync(queue, Channel.Voice);
            before = await first.Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
            Assert.Equal((2L, 1L), (before.SinceMidnight.Offered, before.SinceMidnight.Abandoned));
        }

        await using var after = new ServerProcess(database, seed: false);
        await after.StartAsync();
        var restored = await after.Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });

        Assert.Equal(before.SinceMidnight, restored.SinceMidnight);
        Assert.Equal(before.Window, restored.Window);
        Assert.Equal((1.0, 1, 1), (restored.SinceMidnight.AbandonRate, restored.Waiting, (int)restored.Abandoned));
    }

    [Fact]
    public async Task A_waiting_contact_and_an_agents_offer_survive_a_server_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "routing.db");
        string queue, agent, offered, waiting;
        await using (var before = new ServerProcess(database, seed: false))
        {
            await before.StartAsync();
            var center = new Center(before.Client);
            queue = await center.QueueAsync("durable", Channel.Voice);
            agent = await center.AgentAsync("steady", [queue], [(Channel.Voice, 1, true)]);
            offered = (await center.RouteAsync(queue, Channel.Voice)).ContactId;
            var second = await center.RouteAsync(queue, Channel.Voice, customerId: "loyal");
            Assert.Equal((RouteOutcome.Queued, 1), (second.Outcome, second.Position));
            waiting = second.ContactId;
        }

        await using var after = new ServerProcess(database, seed: false);
        await after.StartAsync();
        var client = after.Client;

        var stillWaiting = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = waiting });
        Assert.Equal((ContactState.Queued, 1, "loyal"), (stillWaiting.State, stillWaiting.Position, stillWaiting.CustomerId));
        var agentView = await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent });
        Assert.Equal(AgentStatus.Available, agentView.Status);
        var held = Assert.Single(agentView.Assignments);
        Assert.Equal((offered, AssignmentPhase.Offered), (held.ContactId, held.Phase));

        // The router still works on the restored state: the held call completes and the waiting one is offered next.
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = offered, RequestId = "a" });
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = offered, RequestId = "c" });
        var next = await Eventually.Get(
            () => client.Routing.GetContactAsync(new GetContactRequest { ContactId = waiting }).ResponseAsync,
            c => c.State == ContactState.Offered,
            "the waiting call to be offered after the restart");
        Assert.Equal(agent, next.AgentId);
    }

    [Fact]
    public async Task Desktop_requests_are_remembered_by_id_across_a_restart_a_retry_answered_as_first_and_a_reused_id_refused()
    {
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "routing.db");
        string queue, agent, contact;
        AcceptOfferRequest accept;
        CompleteContactRequest complete;
        Assignment accepted, completed;
        RouteContactRequest route;
        await using (var before = new ServerProcess(database, seed: false))
        {
            await before.StartAsync();
            var center = new Center(before.Client);
            queue = await center.QueueAsync("retried", Channel.Chat);
            agent = await center.AgentAsync("retrier", [queue], [(Channel.Chat, 2, false)]);
            route = new RouteContactRequest { RequestId = "route-" + Guid.NewGuid().ToString("N"), Channel = Channel.Chat, CustomerId = center.Id("c"), QueueId = queue };
            contact = (await before.Client.Routing.RouteContactAsync(route)).ContactId;
            accept = new AcceptOfferRequest { RequestId = "accept-" + Guid.NewGuid().ToString("N"), AgentId = agent, ContactId = contact };
            accepted = await before.Client.Agents.AcceptOfferAsync(accept);
            complete = new CompleteContactRequest { RequestId = "complete-" + Guid.NewGuid().ToString("N"), AgentId = agent, ContactId = contact, Disposition = "solved" };
            completed = await before.Client.Agents.CompleteContactAsync(complete);
            await before.Client.Agents.EndWrapUpAsync(new EndWrapUpRequest { RequestId = "end-" + Guid.NewGuid().ToString("N"), AgentId = agent, ContactId = contact });
        }

        await using var after = new ServerProcess(database, seed: false);
        await after.StartAsync();
        var client = after.Client;

        // The contact has left the agent altogether; the retries still get their first answers.
        Assert.Equal((accepted.ContactId, accepted.Phase), ((await client.Agents.AcceptOfferAsync(accept)).ContactId, AssignmentPhase.Connected));
        var again = await client.Agents.CompleteContactAsync(complete);
        Assert.Equal((completed.ContactId, completed.Phase, completed.Until), (again.ContactId, again.Phase, again.Until));
        Assert.Equal(contact, (await client.Routing.RouteContactAsync(route)).ContactId);

        // The same ids for something else are refused, and change nothing.
        await Refusal.Refused(
            Grpc.Core.StatusCode.FailedPrecondition,
            () => client.Agents.SetStatusAsync(new SetStatusRequest { RequestId = complete.RequestId, AgentId = agent, Status = AgentStatus.LoggedOut }).ResponseAsync,
            $"request_id '{complete.RequestId}' was already used for a different request");
        var otherCustomer = route.Clone();
        otherCustomer.CustomerId = "someone-else";
        await Refusal.Refused(
            Grpc.Core.StatusCode.FailedPrecondition,
            () => client.Routing.RouteContactAsync(otherCustomer).ResponseAsync,
            $"request_id '{route.RequestId}' was already used for a different contact");
        Assert.Equal(AgentStatus.Available, (await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent })).Status);
    }
}
