using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// An Available agent is offered work only while a desktop watches it: set Available with no offer stream, or left
/// by a stream that stopped renewing (its server died without closing it), it is put Not Ready after the grace.
/// </summary>
[Collection(DesktopClusterCollection.Name)]
public sealed class DesktopPresenceTests(DesktopClusterFixture cluster)
{

    // Lease, the lapse check that follows it (a third of it), the grace, and room for a loaded machine.
    private static readonly TimeSpan Deadline = DesktopClusterFixture.Lease + DesktopClusterFixture.Lease / 3 + DesktopClusterFixture.Grace + Poll.Timeout;

    [Fact]
    public async Task An_agent_set_available_without_ever_opening_a_stream_is_put_not_ready_and_offered_nothing()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        var agent = await center.CreateAgent("no-desktop", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());

        await Poll.Eventually(async () => (await agent.Get())?.Presence == AgentPresence.NotReady, Deadline, "the agent with no desktop put not ready");
        Assert.Equal(AgentGrain.DesktopDisconnected, (await agent.Get())!.NotReadyReason);
        Assert.Equal(ContactState.Queued, (await center.Routed("c1", "chat", Channel.Chat)).State);
    }

    [Fact]
    public async Task A_stream_that_stops_renewing_lapses_and_its_agent_is_put_not_ready_while_a_renewing_one_keeps_its_agent()
    {
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        var lapsing = await center.CreateAgent("lapsing", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());
        var renewing = await center.CreateAgent("renewing", CallCenter.Chats(1), [("chat", 1)], CallCenter.Skills());
        using var dead = center.Watch();
        using var live = center.Watch();
        await lapsing.Watch(dead.Reference);
        await renewing.Watch(live.Reference);

        // The dead stream's server is gone: it neither renews nor unwatches. The live one renews as a server does.
        using var renewals = new CancellationTokenSource();
        var renewal = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(DesktopClusterFixture.Lease / 3);
            while (await timer.WaitForNextTickAsync(renewals.Token))
            {
                await renewing.Watch(live.Reference);
            }
        });
        try
        {
            await Poll.Eventually(async () => (await lapsing.Get())?.Presence == AgentPresence.NotReady, Deadline, "the agent whose stream lapsed put not ready");
            Assert.Equal(AgentGrain.DesktopDisconnected, (await lapsing.Get())!.NotReadyReason);
            Assert.Equal(AgentPresence.Available, (await renewing.Get())!.Presence);
            var routed = await center.Routed("c1", "chat", Channel.Chat);
            Assert.Equal((ContactState.Offered, center.Id("renewing")), (routed.State, routed.AgentId));
        }
        finally
        {
            await renewals.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renewal);
        }
    }
}
