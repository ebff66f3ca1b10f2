using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.Client;
using CoreWaitPriors = Routing.Core.WaitPriors;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The live path end to end: a line driven through the real server on a driven clock serves, at every step, the
/// estimates Routing.Core computes from the same events (staffing, joins, answers, abandonment, completions).
/// </summary>
[Collection(FakeClockServerCollection.Name)]
public sealed class LiveEstimateTests(FakeClockServerFixture fixture)
{
    private static readonly TimeSpan HandleTime = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    private RoutingClient Client => fixture.Server.Client;

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    [Fact]
    public async Task The_estimates_served_are_what_the_core_computes_from_the_same_events()
    {
        var center = new Center(Client);
        var queue = await QueueAsync(center);
        var replica = new EstimateReplica(new CoreWaitPriors(HandleTime, Patience), Target);
        string[] agents = [await AgentAsync(center, "ana", queue), await AgentAsync(center, "ben", queue), await AgentAsync(center, "cyd", queue)];
        foreach (var agent in agents)
        {
            replica.Agent(agent, available: true, busy: false, Now);
        }

        await ServedEqualsReplica(queue, replica, "three agents free");

        // Three calls answered at once, one per agent.
        var calls = new List<string>();
        foreach (var agent in agents)
        {
            var call = await center.RouteAsync(queue, Channel.Voice);
            Assert.Equal(RouteOutcome.Offered, call.Outcome);
            await AcceptAsync(call.AgentId, call.ContactId);
            replica.Agent(call.AgentId, available: true, busy: true, Now);
            replica.AnsweredAtOnce(Now);
            calls.Add(call.ContactId);
        }

        await ServedEqualsReplica(queue, replica, "all three busy, nobody waiting");

        // 30 s later two callers wait.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var first = await JoinAsync(center, queue, replica);
        var second = await JoinAsync(center, queue, replica);
        await ServedEqualsReplica(queue, replica, "two waiting", first, second);

        // 100 s later the first agent finishes; it takes the first caller.
        fixture.Clock.Advance(TimeSpan.FromSeconds(100));
        var freed = await AgentOfAsync(calls[0]);
        await CompleteAsync(freed, calls[0]);
        replica.Handled(Now);
        await Eventually.Get(() => ContactAsync(first), c => c.State == ContactState.Offered, $"{first} offered to {freed}");
        await AcceptAsync(freed, first);
        replica.AnsweredFromLine(first, Now);
        await ServedEqualsReplica(queue, replica, "one answered after 100 s", second);

        // 50 s later the second caller hangs up and a third joins.
        fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        await Client.Routing.CancelContactAsync(new CancelContactRequest { ContactId = second, RequestId = RoutingClient.NewRequestId() });
        replica.Abandoned(second, Now);
        var third = await JoinAsync(center, queue, replica);
        await ServedEqualsReplica(queue, replica, "one gave up after 150 s, one new", third);

        // 20 s later an agent on a call goes on a break: the capacity drops at once.
        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        var onBreak = await AgentOfAsync(calls[1]);
        await Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = onBreak, Status = AgentStatus.NotReady, Reason = "break", RequestId = RoutingClient.NewRequestId() });
        replica.Agent(onBreak, available: false, busy: true, Now);
        await ServedEqualsReplica(queue, replica, "an agent on a break", third);

        // 60 s later it finishes its call; on its break it takes nobody, and the third caller still waits.
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        await CompleteAsync(onBreak, calls[1]);
        replica.Handled(Now);
        replica.Agent(onBreak, available: false, busy: false, Now);
        await ServedEqualsReplica(queue, replica, "the agent on a break finished its call", third);
        Assert.Equal(ContactState.Queued, (await ContactAsync(third)).State);
    }

    /// <summary>
    /// Polls until the server serves the replica's figures (its member reports and completions travel one way), and
    /// fails with both when it does not. Exact equality: the same code on the same events at the same times.
    /// </summary>
    private async Task ServedEqualsReplica(string queue, EstimateReplica replica, string step, params string[] waiting)
    {
        var expected = replica.ForNewCaller(Now);
        await Eventually.Get(
            async () => await Client.Routing.GetQueueEstimateAsync(new GetQueueEstimateRequest { QueueId = queue, Channel = Channel.Voice }),
            served => served.EstimatedWait?.ToTimeSpan() == expected.Wait && Math.Abs(served.ProbabilityAnsweredWithinTarget - expected.Probability) < 1e-12,
            $"a new caller's estimate {expected.Wait} and P(within target) {expected.Probability} at step '{step}'");
        foreach (var contactId in waiting)
        {
            var wait = replica.WaitOf(contactId, Now);
            await Eventually.Get(
                () => ContactAsync(contactId),
                served => served.EstimatedWait?.ToTimeSpan() == wait,
                $"{contactId}'s estimate {wait} at step '{step}'");
        }
    }

    private async Task<string> QueueAsync(Center center)
    {
        var config = new QueueConfig
        {
            QueueId = center.Id("live-estimates"),
            Name = "live estimates",
            ServiceLevelTarget = Duration.FromTimeSpan(Target),
            OfferTimeout = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
            DefaultHandleTime = Duration.FromTimeSpan(HandleTime),
            ExpectedPatience = Duration.FromTimeSpan(Patience),
        };
        config.Channels.Add(Channel.Voice);
        await Client.Admin.UpsertQueueAsync(config);
        return config.QueueId;
    }

    private static Task<string> AgentAsync(Center center, string name, string queue) =>
        center.AgentAsync(name, [queue], [(Channel.Voice, 1, true)]);

    private async Task<string> JoinAsync(Center center, string queue, EstimateReplica replica)
    {
        var call = await center.RouteAsync(queue, Channel.Voice);
        Assert.Equal(RouteOutcome.Queued, call.Outcome);
        replica.Joined(call.ContactId, Now);
        return call.ContactId;
    }

    private Task<Contact> ContactAsync(string contactId) =>
        Client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }).ResponseAsync;

    private async Task<string> AgentOfAsync(string contactId) => (await ContactAsync(contactId)).AgentId;

    private async Task AcceptAsync(string agentId, string contactId) =>
        await Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() });

    private async Task CompleteAsync(string agentId, string contactId) =>
        await Client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agentId, ContactId = contactId, Disposition = "resolved", RequestId = RoutingClient.NewRequestId() });
}
