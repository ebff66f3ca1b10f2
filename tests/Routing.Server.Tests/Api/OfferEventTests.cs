using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>What an offer event carries: the contact's attributes once, in its own assignment.</summary>
[Collection(ServerCollection.Name)]
public sealed class OfferEventTests(ServerFixture fixture)
{
    [Fact]
    public async Task An_offer_event_carries_its_contacts_attributes_once()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("attributed", Channel.Chat);
        var agent = await center.AgentAsync("chatter", [queue], [(Channel.Chat, 2, false)]);
        using var desktop = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agent });

        var offers = new List<OfferEvent>();
        foreach (var order in new[] { "A-1", "B-2" })
        {
            var request = new RouteContactRequest { RequestId = RoutingClient.NewRequestId(), Channel = Channel.Chat, CustomerId = center.Id("c-" + order), QueueId = queue };
            request.Attributes["order"] = order;
            Assert.Equal(RouteOutcome.Offered, (await client.Routing.RouteContactAsync(request)).Outcome);
            Assert.True(await desktop.ResponseStream.MoveNext(CancellationToken.None));
            offers.Add(desktop.ResponseStream.Current);
        }

        Assert.Equal(["A-1", "B-2"], offers.Select(o => o.Assignment.Attributes["order"]));
        Assert.All(offers, o => Assert.All(o.Agent.Assignments, a => Assert.Empty(a.Attributes)));
        Assert.Equal(2, offers[1].Agent.Assignments.Count);
    }
}
