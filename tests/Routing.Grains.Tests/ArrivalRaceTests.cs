using System.Collections.Concurrent;
using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>Many contacts and agents acting at the same instant: the agent stays the only authority on its capacity.</summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class ArrivalRaceTests(RoutingClusterFixture cluster)
{
    [Fact]
    public async Task Fifty_chats_racing_for_an_agent_with_three_chat_slots_get_exactly_three_offers_and_the_rest_wait_in_line()
    {
        var center = new CallCenter(cluster.Client);
        var queue = await center.CreateQueue("chat", CallCenter.QueueOf(Channel.Chat));
        var ana = await center.CreateAgent("ana", CapacityProfile.Of((Channel.Chat, new ChannelCapacity(3))), [("chat", 1)]);
        await center.QueueSees("chat", loggedIn: 1, available: 1);
        var contacts = Enumerable.Range(1, 50).Select(i => $"race-{i}").ToList();

        // Watch the agent and the queue while the race runs: at no observed point may more than 3 be offered.
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            var (samples, maxHeld, maxOffered) = (0, 0, 0);
            do
            {
                var view = await ana.Get();
                var stats = await queue.GetStats();
                maxHeld = Math.Max(maxHeld, view!.Assignments.Count);
                maxOffered = Math.Max(maxOffered, stats!.Offered);
                samples++;
            }
            while (!stop.IsCancellationRequested);
            return (samples, maxHeld, maxOffered);
        });

        var replies = await Task.WhenAll(contacts.Select(c => center.Route(c, "chat", Channel.Chat)));
        await stop.CancelAsync();
        var (samples, maxHeld, maxOffered) = await watching;

        Assert.All(replies, r => Assert.Equal(ReplyStatus.Ok, r.Status));
        var decisions = replies.Select(r => r.Value!).ToList();
        var offered = decisions.Where(d => d.State == ContactState.Offered).ToList();
        Assert.Equal(3, offered.Count);
        Assert.All(offered, d => Assert.Equal(center.Id("ana"), d.AgentId));
        Assert.Equal(47, decisions.Count(d => d.State == ContactState.Queued));
        Assert.True(samples > 0);
        Assert.True(maxHeld <= 3, $"the agent was seen holding {maxHeld} chats");
        Assert.True(maxOffered <= 3, $"the queue was seen with {maxOffered} contacts offered");

        // Every TakeWork was awaited inside a Route, so agent and queue are settled now.
        var agentView = (await ana.Get())!;
        Assert.Equal(3, agentView.Assignments.Count);
        Assert.All(agentView.Assignments, a => Assert.Equal(AssignmentPhase.Offered, a.Phase));
        Assert.Equal(
            offered.Select(d => d.ContactId).Order(StringComparer.Ordinal),
            agentView.Assignments.Select(a => a.Ticket.ContactId).Order(StringComparer.Ordinal));
        var stats = (await queue.GetStats())!;
        Assert.Equal(3, stats.Offered);
        Assert.Equal(47, stats.Waiting);
        Assert.Equal(3, stats.OffersMade);

        // The 47 waiting hold places 1..47 once each, in the order they arrived.
        var waiting = new List<(int Position, DateTimeOffset ArrivedAt)>();
        foreach (var contact in contacts)
        {
            var status = await queue.GetContactStatus(center.Id(contact));
            Assert.True(status.InQueue, $"{contact} left the queue");
            if (status.OfferedTo is null)
            {
                var view = (await center.Contact(contact).Get())!;
                waiting.Add((status.Position!.Value, view.Ticket.ArrivedAt));
            }
            else
            {
                Assert.Equal(center.Id("ana"), status.OfferedTo);
                Assert.Null(status.Position);
            }
        }

        Assert.Equal(Enumerable.Range(1, 47), waiting.Select(w => w.Position).Order());
        var arrivalsInLine = waiting.OrderBy(w => w.Position).Select(w => w.ArrivedAt).ToList();
        Assert.Equal(arrivalsInLine.Order(), arrivalsInLine);

        // Contacts arriving one after the other once the race is over queue behind it, in order.
        var first = await center.Routed("late-1", "chat", Channel.Chat);
        var second = await center.Routed("late-2", "chat", Channel.Chat);
        Assert.Equal((ContactState.Queued, 48), (first.State, first.Position));
        Assert.Equal((ContactState.Queued, 49), (second.State, second.Position));
        Assert.Equal(48, await center.PositionOf("chat", "late-1"));
        Assert.Equal(49, await center.PositionOf("chat", "late-2"));
        var explanation = await Poll.Eventually(
            () => queue.GetContactStatus(center.Id("late-1")),
            s => s.Explanation == "the only eligible agent is at chat capacity",
            "the queue should explain that its only agent is at chat capacity");
        Assert.Equal("the only eligible agent is at chat capacity", explanation.Explanation);
        Assert.Equal(3, (await ana.Get())!.Assignments.Count);
    }

    [Fact]
    public async Task Agents_becoming_available_together_each_take_a_waiting_call()
    {
        // Whether pulls collide depends on timing, so the burst is repeated in fresh queues: one lost call is enough to fail.
        for (var round = 1; round <= 3; round++)
        {
            await AgentsBecomeAvailableTogether(new CallCenter(cluster.Client), agents: 12, round);
        }
    }

    [Fact]
    public async Task Every_offer_an_agent_desktop_is_shown_can_be_accepted()
    {
        // Whether pulls collide depends on timing, so the burst is repeated in fresh queues.
        for (var round = 1; round <= 3; round++)
        {
            await DesktopsAcceptWhatTheyAreShown(new CallCenter(cluster.Client), agents: 12, round);
        }
    }

    private static async Task AgentsBecomeAvailableTogether(CallCenter center, int agents, int round)
    {
        var (queue, team) = await CallsWaitingForAgentsInAMeeting(center, agents);

        // Every agent pulls at once; they all see the same best call and only one can claim it. A pull that loses
        // a claim must go on to the next waiting call, or free agents sit idle while calls wait with nothing left
        // to wake them.
        var replies = await Task.WhenAll(team.Select(a => a.SetPresence(AgentPresence.Available, "")));
        Assert.All(replies, r => Assert.True(r.IsOk, r.Message));

        var stats = await Poll.Eventually(
            () => queue.GetStats(),
            s => s!.Waiting == 0,
            $"round {round}: {agents} calls should be offered to the {agents} free agents",
            TimeSpan.FromSeconds(3));
        Assert.Equal((0, agents, (long)agents), (stats!.Waiting, stats.Offered, stats.OffersMade));
        var held = new List<string>();
        foreach (var agent in team)
        {
            var view = (await agent.Get())!;
            Assert.Single(view.Assignments);
            held.Add(view.Assignments[0].Ticket.ContactId);
        }

        Assert.Equal(Enumerable.Range(1, agents).Select(i => center.Id($"call-{i}")).Order(StringComparer.Ordinal), held.Order(StringComparer.Ordinal));
    }

    private static async Task DesktopsAcceptWhatTheyAreShown(CallCenter center, int agents, int round)
    {
        var (queue, team) = await CallsWaitingForAgentsInAMeeting(center, agents);

        // Each desktop watches its agent as WatchOffers does and accepts every offer the moment it is shown.
        var refused = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var desktops = team.Select(a => Task.Run(() => AcceptEveryOfferShown(center, a, refused, stop.Token))).ToList();
        var replies = await Task.WhenAll(team.Select(a => a.SetPresence(AgentPresence.Available, "")));
        Assert.All(replies, r => Assert.True(r.IsOk, r.Message));
        await Poll.Eventually(
            async () => await queue.GetStats() is { Offered: 0, OffersMade: > 0 } s && s.Answered == s.OffersMade,
            Poll.Timeout,
            $"round {round}: every offer made should be answered");
        await stop.CancelAsync();
        await Task.WhenAll(desktops);

        Assert.True(refused.IsEmpty, $"round {round}: desktops were shown offers their agent did not hold:\n{string.Join("\n", refused)}");
    }

    private static async Task AcceptEveryOfferShown(CallCenter center, IAgentGrain agent, ConcurrentQueue<string> refused, CancellationToken stop)
    {
        using var feed = center.Watch();
        while (!stop.IsCancellationRequested)
        {
            var view = (await agent.Watch(feed.Reference))!;
            foreach (var offer in view.Assignments.Where(a => a.Phase == AssignmentPhase.Offered))
            {
                var accepted = await agent.AcceptOffer(offer.Ticket.ContactId);
                if (!accepted.IsOk)
                {
                    refused.Enqueue($"{view.AgentId} was shown {offer.Ticket.ContactId} (version {view.Version}): {accepted.Message}");
                }
            }

            // Woken by the agent's next change; the timeout only lets the loop see that it should stop.
            await feed.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    /// <summary>As many voice agents as waiting calls, all not ready: the calls wait at positions 1..n.</summary>
    private static async Task<(IQueueGrain Queue, List<IAgentGrain> Team)> CallsWaitingForAgentsInAMeeting(CallCenter center, int agents)
    {
        var queue = await center.CreateQueue("voice", CallCenter.QueueOf(Channel.Voice));
        var team = new List<IAgentGrain>();
        for (var i = 1; i <= agents; i++)
        {
            team.Add(await center.CreateAgent($"agent-{i}", CallCenter.ExclusiveVoice, [("voice", 1)], presence: AgentPresence.NotReady, reason: "meeting"));
        }

        await center.QueueSees("voice", loggedIn: agents, available: 0, notReady: agents);
        for (var i = 1; i <= agents; i++)
        {
            var decision = await center.Routed($"call-{i}", "voice", Channel.Voice);
            Assert.Equal((ContactState.Queued, i), (decision.State, decision.Position));
        }

        return (queue, team);
    }
}
