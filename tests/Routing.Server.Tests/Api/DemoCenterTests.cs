using Routing.Api.V1;

namespace Routing.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class DemoCenterTests(ServerFixture fixture)
{
    [Fact]
    public async Task Demo_contact_center_is_loaded_on_first_start()
    {
        var client = fixture.Server.Client;

        var queues = await client.Supervisor.ListQueuesAsync(new ListQueuesRequest());
        var agents = await client.Admin.ListAgentsAsync(new ListAgentsRequest());

        var seeded = new[] { "sales-en", "sales-es", "support-en", "support-es", "billing-en", "billing-es" };
        Assert.Subset(queues.Queues.Select(q => q.QueueId).ToHashSet(), seeded.ToHashSet());
        Assert.Contains(queues.Queues, q => q.QueueId == "support-en" && q.Channels.Contains(Channel.Email));
        Assert.True(agents.Agents.Count(a => a.AgentId.Length <= 6) >= 12, "the demo center has at least 12 agents");
        var ines = Assert.Single(agents.Agents, a => a.AgentId == "ines");
        Assert.Equal(9, ines.Skills["billing"]);
        Assert.Equal(10, ines.Skills["spanish"]);
    }

    [Fact]
    public async Task Demo_agent_logs_in_and_takes_a_spanish_billing_call()
    {
        var client = fixture.Server.Client;
        await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = "ines", Status = AgentStatus.Available, RequestId = Guid.NewGuid().ToString("N") });

        var route = await client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Channel = Channel.Voice,
            CustomerId = "demo-caller",
            QueueId = "billing-es",
        });

        Assert.Equal(RouteOutcome.Offered, route.Outcome);
        Assert.Equal("ines", route.AgentId);
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = "ines", ContactId = route.ContactId, RequestId = "accept-1" });
        var done = await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = "ines", ContactId = route.ContactId, Disposition = "resolved", RequestId = "complete-1" });
        Assert.Equal(AssignmentPhase.WrapUp, done.Phase);
        await client.Agents.EndWrapUpAsync(new EndWrapUpRequest { AgentId = "ines", ContactId = route.ContactId, RequestId = "wrap-1" });
        var contact = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = route.ContactId });
        Assert.Equal(ContactState.Completed, contact.State);
    }
}
