using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Sticky routing: a returning customer is offered to the agent who served them last, waits a while for that agent
/// when busy, then falls back to every eligible agent. Its own server with a short preferred-agent wait.
/// </summary>
public sealed class PreferredAgentTests(ShortPreferredWaitServerFixture fixture) : IClassFixture<ShortPreferredWaitServerFixture>
{
    private static TimeSpan PreferredAgentWait => ShortPreferredWaitServerFixture.PreferredAgentWait;

    [Fact]
    public async Task A_returning_customer_goes_to_the_last_agent_waits_for_them_when_busy_then_falls_back()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("sticky", Channel.Voice);
        var ana = await center.AgentAsync("ana", [queue], [(Channel.Voice, 1, true)]);
        var bob = await center.AgentAsync("bob", [queue], [(Channel.Voice, 1, true)]);
        var customer = center.Id("regular");

        // First call: ana has been idle longest. She serves it; now bob has been idle longer.
        var first = await center.RouteAsync(queue, Channel.Voice, customer);
        Assert.Equal(ana, first.AgentId);
        await ServeAsync(client, ana, first.ContactId);

        // The customer calls again: ana, who served them, not bob, though bob has been idle longer.
        var second = await center.RouteAsync(queue, Channel.Voice, customer);
        Assert.Equal((RouteOutcome.Offered, ana), (second.Outcome, second.AgentId));
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = ana, ContactId = second.ContactId, RequestId = RoutingClient.NewRequestId() });

        // A third contact while ana is busy waits for her though bob is free, then falls back to bob.
        var third = await center.RouteAsync(queue, Channel.Voice, customer);
        Assert.Equal(RouteOutcome.Queued, third.Outcome);
        Assert.StartsWith($"held for its preferred agent {ana} until ", third.Reason, StringComparison.Ordinal);
        var fallback = await Eventually.Get(
            () => client.Routing.GetContactAsync(new GetContactRequest { ContactId = third.ContactId }).ResponseAsync,
            c => c.State == ContactState.Offered,
            "the contact to fall back to bob once the preferred-agent wait lapsed",
            PreferredAgentWait + TimeSpan.FromSeconds(15));
        Assert.Equal(bob, fallback.AgentId);

        // Someone else's call is not held for ana.
        await client.Agents.RejectOfferAsync(new RejectOfferRequest { AgentId = bob, ContactId = third.ContactId, RequestId = RoutingClient.NewRequestId() });
        var stranger = await center.RouteAsync(queue, Channel.Voice, center.Id("stranger"));
        Assert.DoesNotContain("preferred", stranger.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returning_customer_does_not_wait_for_a_last_agent_who_logged_out()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("sticky-out", Channel.Voice);
        var ana = await center.AgentAsync("ana", [queue], [(Channel.Voice, 1, true)]);
        var customer = center.Id("regular");
        var first = await center.RouteAsync(queue, Channel.Voice, customer);
        Assert.Equal(ana, first.AgentId);
        await ServeAsync(client, ana, first.ContactId);
        await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = ana, Status = AgentStatus.LoggedOut, RequestId = RoutingClient.NewRequestId() });
        var bob = await center.AgentAsync("bob", [queue], [(Channel.Voice, 1, true)]);

        var again = await center.RouteAsync(queue, Channel.Voice, customer);

        Assert.Equal((RouteOutcome.Offered, bob), (again.Outcome, again.AgentId));
    }

    private static async Task ServeAsync(RoutingClient client, string agentId, string contactId)
    {
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() });
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() });
    }
}
