using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>Streams are pushed to: a grain tells the feeds watching it of each change, and nothing while idle.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class WatchTests(RoutingClusterFixture cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_offer_wakes_the_feeds_watching_the_agent_the_contact_and_the_queue()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        var agent = await center.CreateAgent("ana", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());
        using var agentFeed = center.Watch();
        using var queueFeed = center.Watch();
        var before = (await agent.Watch(agentFeed.Reference))!;
        var queueBefore = await queue.Watch(queueFeed.Reference);

        var decision = await center.Routed("c1", "chat", Channel.Chat);
        Assert.Equal(ContactState.Offered, decision.State);

        Assert.True(await agentFeed.WaitAsync(Deadline, CancellationToken.None), "the agent's feed was not woken by the offer");
        var after = (await agent.Watch(agentFeed.Reference))!;
        Assert.True(after.Version > before.Version);
        Assert.Equal(center.Id("c1"), Assert.Single(after.Assignments).Ticket.ContactId);
        Assert.True(await queueFeed.WaitAsync(Deadline, CancellationToken.None), "the queue's feed was not woken by the offer");
        Assert.True(await queue.Watch(queueFeed.Reference) > queueBefore);

        using var contactFeed = center.Watch();
        var contact = center.Contact("c1");
        Assert.Equal(ContactState.Offered, (await contact.Watch(contactFeed.Reference))!.State);
        Assert.True((await agent.AcceptOffer(center.Id("c1"))).IsOk);
        Assert.True(await contactFeed.WaitAsync(Deadline, CancellationToken.None), "the contact's feed was not woken by the accept");
        Assert.Equal(ContactState.Connected, (await contact.Watch(contactFeed.Reference))!.State);
    }

    [Fact]
    public async Task A_feed_that_stopped_watching_is_not_woken()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        var agent = await center.CreateAgent("ana", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());
        using var gone = center.Watch();
        using var staying = center.Watch();
        await agent.Watch(gone.Reference);
        await agent.Watch(staying.Reference);
        await agent.Unwatch(gone.Reference);

        Assert.True((await agent.SetPresence(AgentPresence.NotReady, "break")).IsOk);

        // The staying feed's wake is the event that proves the change was told; the other one was told nothing.
        Assert.True(await staying.WaitAsync(Deadline, CancellationToken.None));
        Assert.False(await gone.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task An_agents_feed_is_sent_the_agent_with_each_change_and_keeps_the_newest()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        var agent = await center.CreateAgent("ana", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());
        using var feed = center.Watch();
        var before = (await agent.Watch(feed.Reference))!;

        Assert.True((await agent.SetPresence(AgentPresence.NotReady, "break")).IsOk);

        Assert.True(await feed.WaitAsync(Deadline, CancellationToken.None), "the agent's feed was not woken by the change");
        var pushed = feed.TakeAgent();
        Assert.NotNull(pushed);
        Assert.Equal(AgentPresence.NotReady, pushed.Presence);
        Assert.True(pushed.Version > before.Version);
        Assert.False(feed.TakeReadRequest(), "a pushed agent needs no read");

        // One-way notices can cross: an older agent arriving after a newer one is not what the feed keeps.
        await feed.AgentChanged(pushed);
        await feed.AgentChanged(before);
        Assert.Equal(pushed.Version, feed.TakeAgent()?.Version);
        Assert.Null(feed.TakeAgent());

        // Woken without the agent (a silo lost, the agent deactivating), the watcher is told to read it again.
        feed.Wake();
        Assert.True(feed.TakeReadRequest());
    }
}
