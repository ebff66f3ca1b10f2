using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>Full lines by each queue's policy, VIPs ahead of the line, and callbacks, over gRPC.</summary>
[Collection(ServerCollection.Name)]
public sealed class QueuePolicyTests(ServerFixture fixture)
{
    private RoutingClient Client => fixture.Server.Client;

    [Fact]
    public async Task A_full_queue_refuses_overflows_or_offers_a_callback_by_its_policy()
    {
        var center = new Center(Client);
        var target = await QueueAsync(center, "overflow-target", maxWaiting: 10);
        var refusing = await QueueAsync(center, "refusing", maxWaiting: 1);
        var overflowing = await QueueAsync(center, "overflowing", maxWaiting: 1, QueueFullPolicy.Overflow, target);
        var calling = await QueueAsync(center, "calling-back", maxWaiting: 1, QueueFullPolicy.OfferCallback);
        foreach (var queue in new[] { refusing, overflowing, calling })
        {
            Assert.Equal(RouteOutcome.Queued, (await center.RouteAsync(queue, Channel.Voice)).Outcome);
        }

        var refused = await center.RouteAsync(refusing, Channel.Voice);
        Assert.Equal((RouteOutcome.Refused, false), (refused.Outcome, refused.CallbackOffered));
        Assert.Contains("is full: 1 callers waiting on the line, the maximum is 1", refused.Reason, StringComparison.Ordinal);

        var overflowed = await center.RouteAsync(overflowing, Channel.Voice);
        Assert.Equal((RouteOutcome.Queued, 1), (overflowed.Outcome, overflowed.Position));
        Assert.StartsWith($"overflowed from '{overflowing}' (full); ", overflowed.Reason, StringComparison.Ordinal);
        Assert.Equal(target, (await Client.Routing.GetContactAsync(new GetContactRequest { ContactId = overflowed.ContactId })).QueueId);

        var offered = await center.RouteAsync(calling, Channel.Voice);
        Assert.Equal((RouteOutcome.Refused, true), (offered.Outcome, offered.CallbackOffered));
        Assert.Contains("a callback is offered", offered.Reason, StringComparison.Ordinal);

        // Taking the offer: a callback does not hold the line, so the full queue accepts it behind the caller waiting.
        var callback = await Client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(), Channel = Channel.Voice, CustomerId = center.Id("caller"), QueueId = calling, CallbackNumber = "+1 415 555 0100",
        });
        Assert.Equal((RouteOutcome.Queued, 2), (callback.Outcome, callback.Position));
        var contact = await Client.Routing.GetContactAsync(new GetContactRequest { ContactId = callback.ContactId });
        Assert.Equal((ContactState.CallbackScheduled, "+1 415 555 0100"), (contact.State, contact.CallbackNumber));

        // Each full line counted the caller it turned away; the callback queue counted its callback.
        foreach (var (full, callbacks) in new[] { (refusing, 0L), (overflowing, 0L), (calling, 1L) })
        {
            var day = (await Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = full })).SinceMidnight;
            Assert.Equal((1L, callbacks), (day.TurnedAwayFull, day.Callbacks));
        }
    }

    [Fact]
    public async Task A_queue_refuses_an_overflow_into_itself_or_into_a_queue_that_does_not_exist()
    {
        var center = new Center(Client);
        var self = center.Id("self");
        var itself = await Assert.ThrowsAsync<RpcException>(() => QueueAsync(center, "self", maxWaiting: 1, QueueFullPolicy.Overflow, self));
        Assert.Equal((StatusCode.InvalidArgument, $"queue '{self}' cannot overflow into itself"), (itself.StatusCode, itself.Status.Detail));
        var missing = await Assert.ThrowsAsync<RpcException>(() => QueueAsync(center, "lost", maxWaiting: 1, QueueFullPolicy.Overflow, "no-such-queue"));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var unnamed = await Assert.ThrowsAsync<RpcException>(() => QueueAsync(center, "unnamed", maxWaiting: 1, QueueFullPolicy.Overflow));
        Assert.Equal(StatusCode.InvalidArgument, unnamed.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => Client.Admin.GetQueueAsync(new GetQueueRequest { QueueId = self }).ResponseAsync);
    }

    [Fact]
    public async Task A_vip_customer_jumps_the_line()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("vip-line", Channel.Voice);
        var vip = center.Id("vip");
        var profile = await Client.Admin.UpsertCustomerAsync(new CustomerConfig { CustomerId = vip, Name = "Maria", Tier = CustomerTier.Vip });
        Assert.Equal(CustomerTier.Vip, profile.Tier);

        var first = await center.RouteAsync(queue, Channel.Voice);
        var second = await center.RouteAsync(queue, Channel.Voice);
        var vipCall = await center.RouteAsync(queue, Channel.Voice, vip);

        Assert.Equal((1, 2), (first.Position, second.Position));
        Assert.Equal(1, vipCall.Position);
        var vipContact = await Client.Routing.GetContactAsync(new GetContactRequest { ContactId = vipCall.ContactId });
        Assert.Equal(60, vipContact.Priority);
        Assert.Equal(2, (await Client.Routing.GetContactAsync(new GetContactRequest { ContactId = first.ContactId })).Position);
    }

    [Fact]
    public async Task A_callback_keeps_the_place_in_line_and_bad_callback_requests_change_nothing()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("callback-line", Channel.Voice, Channel.Chat);
        var call = await center.RouteAsync(queue, Channel.Voice);
        var chat = await center.RouteAsync(queue, Channel.Chat);

        var badNumber = await Assert.ThrowsAsync<RpcException>(() => RequestCallbackAsync(call.ContactId, "call me"));
        Assert.Equal(StatusCode.InvalidArgument, badNumber.StatusCode);
        var notVoice = await Assert.ThrowsAsync<RpcException>(() => RequestCallbackAsync(chat.ContactId, "+44 20 7946 0000"));
        Assert.Equal(StatusCode.FailedPrecondition, notVoice.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => RequestCallbackAsync("no-such-contact", "+44 20 7946 0000"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ContactState.Queued, (await Client.Routing.GetContactAsync(new GetContactRequest { ContactId = call.ContactId })).State);

        var requestId = RoutingClient.NewRequestId();
        var scheduled = await RequestCallbackAsync(call.ContactId, "+44 20 7946 0000", requestId);
        var again = await RequestCallbackAsync(call.ContactId, "+44 20 7946 0000");
        var reused = await Assert.ThrowsAsync<RpcException>(() => RequestCallbackAsync(call.ContactId, "+44 20 7946 0999", requestId));
        Assert.Equal(
            (StatusCode.FailedPrecondition, $"request id '{requestId}' already asked contact '{call.ContactId}' for a callback to another number; use a new request id"),
            (reused.StatusCode, reused.Status.Detail));

        Assert.Equal((ContactState.CallbackScheduled, 1), (scheduled.State, scheduled.Position));
        Assert.Equal((ContactState.CallbackScheduled, 1), (again.State, again.Position));
        Assert.Equal(2, (await Client.Routing.GetContactAsync(new GetContactRequest { ContactId = chat.ContactId })).Position);
    }

    private Task<Contact> RequestCallbackAsync(string contactId, string number, string? requestId = null) =>
        Client.Routing.RequestCallbackAsync(new RequestCallbackRequest { RequestId = requestId ?? RoutingClient.NewRequestId(), ContactId = contactId, CallbackNumber = number }).ResponseAsync;

    private async Task<string> QueueAsync(Center center, string name, int maxWaiting, QueueFullPolicy policy = QueueFullPolicy.Refuse, string? overflowQueueId = null)
    {
        var config = new QueueConfig { QueueId = center.Id(name), Name = name, MaxWaiting = maxWaiting, WhenFull = policy, OverflowQueueId = overflowQueueId ?? string.Empty };
        config.Channels.Add(Channel.Voice);
        await Client.Admin.UpsertQueueAsync(config);
        return config.QueueId;
    }
}
