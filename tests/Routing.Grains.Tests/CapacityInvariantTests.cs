using System.Collections.Concurrent;
using Routing.Abstractions;
using Routing.Core;
using Xunit.Abstractions;

namespace Routing.Grains.Tests;

/// <summary>
/// A randomized burst of routing and handling (the seed is printed to replay a failure) checked against the two
/// invariants every race must keep: no agent over its capacity, and every contact in exactly one place.
/// </summary>
[Collection(RoutingClusterCollection.Name)]
public sealed class CapacityInvariantTests(RoutingClusterFixture cluster, ITestOutputHelper output)
{
    private const int Contacts = 60;

    [Fact]
    public async Task Capacity_is_never_exceeded_and_every_contact_is_in_exactly_one_place_under_concurrent_routing_and_handling()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        await RunScenario(seed);
    }

    private async Task RunScenario(int seed)
    {
        var random = new Random(seed);
        var center = new CallCenter(cluster.Client);
        await center.CreateQueue("front", CallCenter.QueueOf(Channel.Voice, Channel.Chat));
        await center.CreateQueue("back", CallCenter.QueueOf(Channel.Chat, Channel.Email));
        var blended = CapacityProfile.Of(
            (Channel.Voice, new ChannelCapacity(1, Exclusive: true)),
            (Channel.Chat, new ChannelCapacity(2)),
            (Channel.Email, new ChannelCapacity(1)));
        var agents = new[]
        {
            await center.CreateAgent("voice", CallCenter.ExclusiveVoice, [("front", 1)]),
            await center.CreateAgent(
                "digital",
                CapacityProfile.Of((Channel.Chat, new ChannelCapacity(2)), (Channel.Email, new ChannelCapacity(1))),
                [("front", 2), ("back", 1)]),
            await center.CreateAgent(
                "blended",
                blended,
                [("front", 1), ("back", 1)],
                wrapUp: new() { [Channel.Voice] = TimeSpan.FromMilliseconds(30), [Channel.Chat] = TimeSpan.FromMilliseconds(10) }),
        };
        await center.QueueSees("front", loggedIn: 3, available: 3);
        await center.QueueSees("back", loggedIn: 2, available: 2);

        var plan = Enumerable.Range(1, Contacts).Select(i =>
        {
            var channel = (Channel)random.Next(1, 4);
            var queue = channel switch
            {
                Channel.Voice => "front",
                Channel.Email => "back",
                _ => random.Next(2) == 0 ? "front" : "back",
            };
            return (Contact: $"contact-{i}", Queue: queue, Channel: channel, Priority: random.Next(ContactPriority.Min, ContactPriority.Max + 1), Customer: $"customer-{i % 7}");
        }).ToList();
        output.WriteLine(string.Join(", ", plan.Select(p => $"{p.Contact}:{p.Channel}@{p.Queue}/p{p.Priority}")));

        var violations = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var workers = agents.Select(a => Task.Run(() => HandleOffers(center, a, violations, stop.Token))).ToList();
        var observer = Task.Run(() => Observe(center, agents, violations, stop.Token));

        var decisions = await Task.WhenAll(plan.Select(p => center.Route(p.Contact, p.Queue, p.Channel, p.Priority, p.Customer)));
        Assert.All(decisions, d => Assert.True(d.IsOk && d.Value!.State is ContactState.Offered or ContactState.Queued, $"{d.Status} {d.Value}"));

        var allEnded = await AllEnded(center, plan.Select(p => p.Contact).ToList());
        await stop.CancelAsync();
        await Task.WhenAll([.. workers, observer]);

        Assert.True(allEnded, $"not every contact was handled within the deadline; seed {seed}\n{await Stuck(center, plan.Select(p => p.Contact), agents)}");
        Assert.True(violations.IsEmpty, $"seed {seed}:\n{string.Join("\n", violations.Take(20))}");

        // Settled: every contact ended once, completed, nobody holds anything, nothing is left in line.
        foreach (var p in plan)
        {
            var contact = (await center.Contact(p.Contact).Get())!;
            Assert.Equal(ContactState.Completed, contact.State);
        }

        foreach (var agent in agents)
        {
            Assert.Empty((await agent.Get())!.Assignments);
        }

        var front = (await center.Queue("front").GetStats())!;
        var back = (await center.Queue("back").GetStats())!;
        Assert.Equal((0, 0, 0, 0), (front.Waiting, front.Offered, back.Waiting, back.Offered));
        Assert.Equal(Contacts, front.Answered + back.Answered);

        // No offer was rejected or expired, so each contact was offered exactly once.
        Assert.Equal(Contacts, front.OffersMade + back.OffersMade);
        var histories = new List<CustomerContactRecord>();
        foreach (var customer in plan.Select(p => p.Customer).Distinct())
        {
            var view = await center.Customer(customer).Get();
            Assert.Empty(view.InProgress);
            histories.AddRange(view.History);
        }

        Assert.Equal(plan.Select(p => center.Id(p.Contact)).Order(StringComparer.Ordinal), histories.Select(h => h.ContactId).Order(StringComparer.Ordinal));
        Assert.All(histories, h => Assert.Equal(ContactState.Completed, h.Outcome));
    }

    /// <summary>An agent desktop: accepts every offer and completes every connected contact, as fast as it can.</summary>
    private static async Task HandleOffers(CallCenter center, IAgentGrain agent, ConcurrentQueue<string> violations, CancellationToken stop)
    {
        using var feed = center.Watch();
        while (!stop.IsCancellationRequested)
        {
            var view = (await agent.Watch(feed.Reference))!;
            CheckCapacity(view, violations);
            foreach (var assignment in view.Assignments)
            {
                var contactId = assignment.Ticket.ContactId;
                if (assignment.Phase == AssignmentPhase.Offered)
                {
                    var accepted = await agent.AcceptOffer(contactId);
                    if (!accepted.IsOk)
                    {
                        violations.Enqueue($"{view.AgentId} could not accept {contactId}: {accepted.Message}");
                    }
                }
                else if (assignment.Phase == AssignmentPhase.Connected)
                {
                    var completed = await agent.CompleteContact(contactId, "resolved");
                    if (!completed.IsOk)
                    {
                        violations.Enqueue($"{view.AgentId} could not complete {contactId}: {completed.Message}");
                    }
                }
            }

            // Woken by the agent's next change; the timeout only lets the loop see that it should stop.
            await feed.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    /// <summary>
    /// Samples agents and queues while work moves. Reads are not atomic across grains, so only checks that no
    /// interleaving can excuse are made: a contact only moves queue → one agent → ended here (no offer is rejected or
    /// expires), so the agent is read first and the queue after it.
    /// </summary>
    private static async Task Observe(CallCenter center, IAgentGrain[] agents, ConcurrentQueue<string> violations, CancellationToken stop)
    {
        do
        {
            var holders = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var agent in agents)
            {
                var view = (await agent.Get())!;
                CheckCapacity(view, violations);
                foreach (var assignment in view.Assignments)
                {
                    var contactId = assignment.Ticket.ContactId;
                    if (!holders.TryAdd(contactId, view.AgentId))
                    {
                        violations.Enqueue($"{contactId} held by both {holders[contactId]} and {view.AgentId}");
                    }

                    var status = await center.QueueWithId(assignment.Ticket.QueueId).GetContactStatus(contactId);
                    var placeInQueue = status.InQueue ? status.OfferedTo ?? "waiting" : "gone";
                    var consistent = assignment.Phase == AssignmentPhase.Offered
                        ? placeInQueue == view.AgentId || placeInQueue == "gone"
                        : placeInQueue == "gone";
                    if (!consistent)
                    {
                        violations.Enqueue($"{contactId} is {assignment.Phase} with {view.AgentId} but the queue has it {placeInQueue}");
                    }
                }
            }
        }
        while (!stop.IsCancellationRequested);
    }

    /// <summary>The capacity rule, counted here from the profile rather than through the code under test.</summary>
    private static void CheckCapacity(AgentView view, ConcurrentQueue<string> violations)
    {
        var channels = view.Definition.Capacity.Channels;
        foreach (var held in view.Assignments.GroupBy(a => a.Ticket.Channel))
        {
            var max = channels.TryGetValue(held.Key, out var capacity) ? capacity.MaxConcurrent : 0;
            if (held.Count() > max)
            {
                violations.Enqueue($"{view.AgentId} holds {held.Count()} {held.Key} contacts, its profile allows {max} (version {view.Version})");
            }
        }

        var exclusive = view.Assignments.Where(a => channels.TryGetValue(a.Ticket.Channel, out var c) && c.Exclusive).ToList();
        if (exclusive.Count > 0 && view.Assignments.Count > 1)
        {
            violations.Enqueue($"{view.AgentId} holds exclusive {exclusive[0].Ticket.Channel} work alongside {view.Assignments.Count - 1} other contacts (version {view.Version})");
        }
    }

    /// <summary>What a failed run left behind: the contacts not ended, the agents' holdings and the queues' counts.</summary>
    private static async Task<string> Stuck(CallCenter center, IEnumerable<string> contacts, IAgentGrain[] agents)
    {
        var lines = new List<string>();
        foreach (var id in contacts)
        {
            if (await center.Contact(id).Get() is { HasEnded: false } open)
            {
                lines.Add($"{id}: {open.State} {open.AgentId} {open.Reason}");
            }
        }

        foreach (var agent in agents)
        {
            var view = (await agent.Get())!;
            lines.Add($"{view.AgentId} {view.Presence} {view.Activity}: {string.Join(", ", view.Assignments.Select(a => $"{a.Ticket.ContactId} {a.Phase}"))}");
        }

        foreach (var queue in new[] { "front", "back" })
        {
            var stats = (await center.Queue(queue).GetStats())!;
            lines.Add($"{queue}: waiting {stats.Waiting}, offered {stats.Offered}, available {stats.AgentsAvailable}, busy {stats.AgentsBusy}");
        }

        return string.Join("\n", lines);
    }

    private static Task<bool> AllEnded(CallCenter center, IReadOnlyList<string> contacts) =>
        Poll.Until(
            async () => (await Task.WhenAll(contacts.Select(c => center.Contact(c).Get()))).All(c => c!.HasEnded),
            TimeSpan.FromSeconds(20));
}
