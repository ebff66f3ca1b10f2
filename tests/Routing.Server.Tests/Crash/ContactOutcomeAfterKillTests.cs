using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;
using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// A desktop's answer (accept, complete, reject, transfer) that returned OK must be what the contact says after a
/// <c>kill -9</c> that follows at once:
/// the agent answers sixteen offers together (their notices to the contacts queue up behind one another's writes)
/// and the server is killed the moment the last answer returns, the narrowest window there is.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class ContactOutcomeAfterKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Chats = 16;
    private const string AgentId = "dana";
    private const string QueueId = "chats";

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    private readonly CrashWorkspace workspace = new(output);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        workspace.Release();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Contacts_whose_accept_returned_read_connected_after_kill_9()
    {
        await using var server = new ServerUnderTest(workspace.Directory);
        var contacts = await OfferedChatsAsync(server);
        await Task.WhenAll(contacts.Select(id => server.Client.Agents.AcceptOfferAsync(
            new AcceptOfferRequest { AgentId = AgentId, ContactId = id, RequestId = $"accept-{id}" }, deadline: Deadline()).ResponseAsync));
        await server.KillAsync();

        await server.StartAsync();
        var (agent, views) = await ReadAsync(server.Client, contacts, output);
        Assert.All(views, v => Assert.Equal((ContactState.Connected, AgentId), (v.State, v.AgentId)));
        Assert.Equal(contacts.Order(), agent.Assignments.Where(a => a.Phase == AssignmentPhase.Connected).Select(a => a.ContactId).Order());
        workspace.Passed();
    }

    [Fact]
    public async Task Contacts_whose_completion_returned_read_completed_after_kill_9()
    {
        await using var server = new ServerUnderTest(workspace.Directory);
        var contacts = await OfferedChatsAsync(server);
        await Task.WhenAll(contacts.Select(id => server.Client.Agents.AcceptOfferAsync(
            new AcceptOfferRequest { AgentId = AgentId, ContactId = id, RequestId = $"accept-{id}" }, deadline: Deadline()).ResponseAsync));
        await Task.WhenAll(contacts.Select(id => server.Client.Agents.CompleteContactAsync(
            new CompleteContactRequest { AgentId = AgentId, ContactId = id, RequestId = $"complete-{id}" }, deadline: Deadline()).ResponseAsync));
        await server.KillAsync();

        await server.StartAsync();
        var (agent, views) = await ReadAsync(server.Client, contacts, output);
        Assert.All(views, v => Assert.Equal((ContactState.Completed, AgentId), (v.State, v.AgentId)));
        Assert.Empty(agent.Assignments);
        workspace.Passed();
    }

    /// <summary>
    /// The agent records a returned offer on the contact before answering the reject, so a kill the moment the rejects
    /// return cannot leave a contact reading OFFERED to an agent that holds nothing (it did, two runs in three, while
    /// the agent told the contact one-way).
    /// </summary>
    [Fact]
    public async Task Contacts_whose_offer_was_rejected_wait_in_their_places_after_kill_9()
    {
        await using var server = new ServerUnderTest(workspace.Directory);
        var contacts = await OfferedChatsAsync(server);
        await Task.WhenAll(contacts.Select(id => server.Client.Agents.RejectOfferAsync(
            new RejectOfferRequest { AgentId = AgentId, ContactId = id, RequestId = $"reject-{id}", Reason = "wrong skill" }, deadline: Deadline()).ResponseAsync));
        await server.KillAsync();

        await server.StartAsync();
        var (agent, views) = await ReadAsync(server.Client, contacts, output);
        Assert.Equal(AgentStatus.NotReady, agent.Status);
        Assert.Empty(agent.Assignments);
        Assert.Equal(
            contacts.Select((id, i) => (id, ContactState.Queued, string.Empty, i + 1)),
            views.Select(v => (v.ContactId, v.State, v.AgentId, v.Position)));
        workspace.Passed();
    }

    [Fact]
    public async Task A_transfer_cut_off_by_kill_9_is_finished_or_not_started_never_half_done()
    {
        await using var server = new ServerUnderTest(workspace.Directory);
        var contacts = await OfferedChatsAsync(server);
        var target = new QueueConfig { QueueId = "transfers", Name = "transfers", OfferTimeout = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) };
        target.Channels.Add(Channel.Chat);
        await server.Client.Admin.UpsertQueueAsync(target, deadline: Deadline());
        await Task.WhenAll(contacts.Select(id => server.Client.Agents.AcceptOfferAsync(
            new AcceptOfferRequest { AgentId = AgentId, ContactId = id, RequestId = $"accept-{id}" }, deadline: Deadline()).ResponseAsync));

        // All transfers at once; the kill comes when half have returned, so the rest are cut off at every step.
        var returned = new System.Collections.Concurrent.ConcurrentBag<string>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transfers = contacts.Select(async id =>
        {
            await server.Client.Agents.TransferContactAsync(
                new TransferContactRequest { AgentId = AgentId, ContactId = id, RequestId = $"transfer-{id}", ToQueueId = target.QueueId }, deadline: Deadline());
            returned.Add(id);
            if (returned.Count >= Chats / 2)
            {
                halfway.TrySetResult();
            }
        }).ToList();
        await halfway.Task.WaitAsync(CallDeadline);
        await server.KillAsync();
        await Task.WhenAll(transfers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        output.WriteLine($"{returned.Count} of {Chats} transfers returned before the kill");

        await server.StartAsync();

        // The agent first: its activation finishes any transfer written ahead before the kill.
        var agent = await server.Client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = AgentId }, deadline: Deadline());
        var (_, views) = await ReadAsync(server.Client, contacts, output);
        var connectedHere = agent.Assignments.Where(a => a.Phase == AssignmentPhase.Connected).Select(a => a.ContactId).ToHashSet();
        foreach (var view in views)
        {
            var moved = (view.State, view.QueueId, view.Transfers) == (ContactState.Queued, target.QueueId, 1) && !connectedHere.Contains(view.ContactId);
            var stayed = (view.State, view.AgentId) == (ContactState.Connected, AgentId) && connectedHere.Contains(view.ContactId);
            Assert.True(moved || stayed, $"contact {view.ContactId} is half transferred: {view.State} in '{view.QueueId}' with '{view.AgentId}', transfers {view.Transfers}, held connected by {AgentId}: {connectedHere.Contains(view.ContactId)}");
            Assert.True(moved || !returned.Contains(view.ContactId), $"contact {view.ContactId}'s transfer returned OK, yet it is still with {AgentId}");
        }

        var waiting = views.Where(v => v.State == ContactState.Queued).OrderBy(v => v.Position).ToList();
        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(v => v.Position));
        workspace.Passed();
    }

    /// <summary>Sixteen chats offered to one agent with room for all of them, in arrival order.</summary>
    private static async Task<string[]> OfferedChatsAsync(ServerUnderTest server)
    {
        await server.StartAsync();
        var client = server.Client;
        var queue = new QueueConfig { QueueId = QueueId, Name = QueueId, OfferTimeout = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) };
        queue.Channels.Add(Channel.Chat);
        await client.Admin.UpsertQueueAsync(queue, deadline: Deadline());
        var agent = new AgentConfig { AgentId = AgentId, Name = AgentId };
        agent.Queues.Add(new QueueMembership { QueueId = QueueId, Priority = 1 });
        agent.Capacity.Add(new ChannelCapacity { Channel = Channel.Chat, MaxConcurrent = Chats });
        await client.Admin.UpsertAgentAsync(agent, deadline: Deadline());
        await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = AgentId, Status = AgentStatus.Available, RequestId = "login" }, deadline: Deadline());

        var contacts = new List<string>();
        for (var i = 0; i < Chats; i++)
        {
            var routed = await client.Routing.RouteContactAsync(
                new RouteContactRequest { RequestId = $"chat-{i}", Channel = Channel.Chat, CustomerId = $"customer-{i}", QueueId = QueueId },
                deadline: Deadline());
            await Eventually.Get(
                () => client.Routing.GetContactAsync(new GetContactRequest { ContactId = routed.ContactId }, deadline: Deadline()).ResponseAsync,
                c => c.State == ContactState.Offered,
                $"chat {i} to be offered to {AgentId}");
            contacts.Add(routed.ContactId);
        }

        // Every offer must be on the desktop before it answers them.
        await Eventually.Get(
            () => client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = AgentId }, deadline: Deadline()).ResponseAsync,
            a => a.Assignments.Count(x => x.Phase == AssignmentPhase.Offered) == Chats,
            $"{AgentId} to hold all {Chats} offers");
        return [.. contacts];
    }

    private static async Task<(Agent Agent, Contact[] Contacts)> ReadAsync(RoutingClient client, string[] contacts, ITestOutputHelper output)
    {
        var views = await Task.WhenAll(contacts.Select(id =>
            client.Routing.GetContactAsync(new GetContactRequest { ContactId = id }, deadline: Deadline()).ResponseAsync));
        var agent = await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = AgentId }, deadline: Deadline());
        output.WriteLine($"{AgentId} {agent.Status} holds: {string.Join(", ", agent.Assignments.Select(a => $"{a.ContactId} {a.Phase}"))}");
        output.WriteLine($"contacts read: {string.Join(", ", views.Select(v => $"{v.ContactId} {v.State} '{v.AgentId}' #{v.Position}"))}");
        return (agent, views);
    }

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;
}
