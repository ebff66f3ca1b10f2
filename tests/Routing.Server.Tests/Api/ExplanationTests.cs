using Routing.Api.V1;

namespace Routing.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ExplanationTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_waiting_contact_names_the_missing_skill()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("skills", [Channel.Voice], [("billing", 7)]);
        await center.AgentAsync("junior", [queue], [(Channel.Voice, 1, true)], [("billing", 5)]);

        var call = await center.RouteAsync(queue, Channel.Voice);

        Assert.Equal(RouteOutcome.Queued, call.Outcome);
        Assert.Equal("no logged-in agent has billing >= 7", call.Reason);
        var contact = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = call.ContactId });
        Assert.Equal("no logged-in agent has billing >= 7", contact.Reason);
    }

    [Fact]
    public async Task A_waiting_chat_names_the_full_capacity()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("chats", Channel.Chat);
        await center.AgentAsync("busy-1", [queue], [(Channel.Chat, 2, false)]);
        await center.AgentAsync("busy-2", [queue], [(Channel.Chat, 1, false)]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(RouteOutcome.Offered, (await center.RouteAsync(queue, Channel.Chat)).Outcome);
        }

        var waiting = await center.RouteAsync(queue, Channel.Chat);

        Assert.Equal(RouteOutcome.Queued, waiting.Outcome);
        Assert.Equal("all 2 eligible agents at chat capacity", waiting.Reason);
        var estimate = await client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = queue });
        Assert.Equal(1, estimate.Waiting);
        Assert.NotNull(estimate.EstimatedWait);
    }
}
