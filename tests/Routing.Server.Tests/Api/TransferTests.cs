using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>A connected contact passed on to another queue or agent keeps its original arrival for ordering.</summary>
[Collection(ServerCollection.Name)]
public sealed class TransferTests(ServerFixture fixture)
{
    private RoutingClient Client => fixture.Server.Client;

    [Fact]
    public async Task A_call_transferred_to_another_queue_waits_ahead_of_later_arrivals_and_its_new_agent_completes_it()
    {
        var center = new Center(Client);
        var sales = await center.QueueAsync("t-sales", Channel.Voice);
        var billing = await center.QueueAsync("t-billing", Channel.Voice);
        var seller = await center.AgentAsync("seller", [sales], [(Channel.Voice, 1, true)]);
        var biller = await center.AgentAsync("biller", [billing], [(Channel.Voice, 1, true)], available: false);

        var call = await center.RouteAsync(sales, Channel.Voice);
        Assert.Equal(seller, call.AgentId);
        await Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = seller, ContactId = call.ContactId, RequestId = RoutingClient.NewRequestId() });
        var arrived = (await GetAsync(call.ContactId)).ArrivedAt;
        var later = await center.RouteAsync(billing, Channel.Voice);
        Assert.Equal(1, later.Position);

        var transferred = await Client.Agents.TransferContactAsync(new TransferContactRequest { RequestId = "t1", AgentId = seller, ContactId = call.ContactId, ToQueueId = billing });

        Assert.Equal(AssignmentPhase.Completed, transferred.Phase);
        var waiting = await GetAsync(call.ContactId);
        Assert.Equal((ContactState.Queued, billing, 1, 1, arrived), (waiting.State, waiting.QueueId, waiting.Position, waiting.Transfers, waiting.ArrivedAt));
        Assert.Equal(2, (await GetAsync(later.ContactId)).Position);
        Assert.Empty((await Client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = seller })).Assignments);

        // The billing agent logs in and gets the transferred call first; the seller's wrap-up did not end it.
        await Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = biller, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        var offered = await Eventually.Get(() => GetAsync(call.ContactId), c => c.State == ContactState.Offered, "the transferred call to be offered");
        Assert.Equal(biller, offered.AgentId);
        await Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = biller, ContactId = call.ContactId, RequestId = RoutingClient.NewRequestId() });
        await Client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = biller, ContactId = call.ContactId, RequestId = RoutingClient.NewRequestId() });
        var done = await GetAsync(call.ContactId);
        Assert.Equal((ContactState.Completed, biller, arrived), (done.State, done.AgentId, done.ArrivedAt));
    }

    [Fact]
    public async Task A_chat_transferred_to_an_agent_waits_for_that_agent_and_bad_transfers_change_nothing()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("t-chat", Channel.Chat);
        var voiceOnly = await center.QueueAsync("t-voice-only", Channel.Voice);
        var first = await center.AgentAsync("first", [queue], [(Channel.Chat, 1, false)]);
        var expert = await center.AgentAsync("expert", [queue], [(Channel.Chat, 1, false)], available: false);
        var other = await center.AgentAsync("other", [queue], [(Channel.Chat, 1, false)], available: false);
        var chat = await center.RouteAsync(queue, Channel.Chat);
        Assert.Equal(first, chat.AgentId);

        var notConnected = await Assert.ThrowsAsync<RpcException>(() => TransferAsync(first, chat.ContactId, toAgent: expert));
        Assert.Equal(StatusCode.FailedPrecondition, notConnected.StatusCode);
        await Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = first, ContactId = chat.ContactId, RequestId = RoutingClient.NewRequestId() });

        var loggedOut = await Assert.ThrowsAsync<RpcException>(() => TransferAsync(first, chat.ContactId, toAgent: expert));
        Assert.Equal((StatusCode.FailedPrecondition, $"agent '{expert}' is logged out"), (loggedOut.StatusCode, loggedOut.Status.Detail));
        var wrongChannel = await Assert.ThrowsAsync<RpcException>(() => TransferAsync(first, chat.ContactId, toQueue: voiceOnly));
        Assert.Equal(StatusCode.FailedPrecondition, wrongChannel.StatusCode);
        var nowhere = await Assert.ThrowsAsync<RpcException>(() => TransferAsync(first, chat.ContactId));
        Assert.Equal(StatusCode.InvalidArgument, nowhere.StatusCode);
        Assert.Equal(ContactState.Connected, (await GetAsync(chat.ContactId)).State);

        // The expert is busy elsewhere (not ready); the other agent is free, yet the chat waits for the expert.
        await Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = expert, Status = AgentStatus.NotReady, Reason = "coaching", RequestId = RoutingClient.NewRequestId() });
        await Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = other, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        await TransferAsync(first, chat.ContactId, toAgent: expert);
        var held = await GetAsync(chat.ContactId);
        Assert.Equal(ContactState.Queued, held.State);
        Assert.StartsWith($"held for its preferred agent {expert} until ", held.Reason, StringComparison.Ordinal);

        await Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = expert, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        var offered = await Eventually.Get(() => GetAsync(chat.ContactId), c => c.State == ContactState.Offered, "the chat to be offered to the expert");
        Assert.Equal(expert, offered.AgentId);
    }

    private Task<Contact> GetAsync(string contactId) =>
        Client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }).ResponseAsync;

    private Task<Assignment> TransferAsync(string agentId, string contactId, string? toQueue = null, string? toAgent = null) =>
        Client.Agents.TransferContactAsync(new TransferContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            AgentId = agentId,
            ContactId = contactId,
            ToQueueId = toQueue ?? string.Empty,
            ToAgentId = toAgent ?? string.Empty,
        }).ResponseAsync;
}
