using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>Survey answers reach the contact, the customer's history, and the agent's and queue's satisfaction.</summary>
[Collection(ServerCollection.Name)]
public sealed class FeedbackTests(ServerFixture fixture)
{
    private RoutingClient Client => fixture.Server.Client;

    [Fact]
    public async Task Feedback_on_a_finished_contact_counts_for_the_customer_the_agent_and_the_queue_once()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("rated", Channel.Chat);
        var agent = await center.AgentAsync("rated-agent", [queue], [(Channel.Chat, 2, false)]);
        var customer = center.Id("rater");
        var first = await ServeAsync(center, queue, agent, customer);
        var second = await ServeAsync(center, queue, agent, customer);

        var rated = await RecordAsync(first, csat: 5, nps: 10, "quick and kind");
        await RecordAsync(second, csat: 2, nps: 4, string.Empty);
        var retried = await RecordAsync(first, csat: 5, nps: 10, "quick and kind");

        Assert.Equal((5, 10, "quick and kind"), (rated.Feedback.Csat, rated.Feedback.Nps, rated.Feedback.Comment));
        Assert.Equal(rated.Feedback, retried.Feedback);
        var stats = await Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal((3.5, 2L, 0.0), (stats.AverageCsat, stats.CsatResponses, stats.NetPromoterScore));
        var rater = await Client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent });
        Assert.Equal((3.5, 2L), (rater.AverageCsat, rater.CsatResponses));
        var history = (await Client.Admin.GetCustomerAsync(new GetCustomerRequest { CustomerId = customer })).History;
        Assert.Equal([(second, 2), (first, 5)], history.Select(h => (h.ContactId, h.Satisfaction)));
    }

    [Fact]
    public async Task Feedback_out_of_range_twice_different_or_on_an_unanswered_contact_is_refused()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("unrated", Channel.Chat);
        var agent = await center.AgentAsync("unrated-agent", [queue], [(Channel.Chat, 1, false)], available: false);
        var waiting = await center.RouteAsync(queue, Channel.Chat);

        var unanswered = await Assert.ThrowsAsync<RpcException>(() => RecordAsync(waiting.ContactId, 4, 8, string.Empty));
        Assert.Equal(StatusCode.FailedPrecondition, unanswered.StatusCode);
        var outOfRange = await Assert.ThrowsAsync<RpcException>(() => RecordAsync(waiting.ContactId, 6, 8, string.Empty));
        Assert.Equal((StatusCode.InvalidArgument, "csat 6 is out of range 1-5"), (outOfRange.StatusCode, outOfRange.Status.Detail));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => RecordAsync("no-such-contact", 4, 8, string.Empty));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        // Abandoned: never answered, so still nothing to rate.
        await Client.Routing.CancelContactAsync(new CancelContactRequest { RequestId = RoutingClient.NewRequestId(), ContactId = waiting.ContactId });
        var abandoned = await Assert.ThrowsAsync<RpcException>(() => RecordAsync(waiting.ContactId, 4, 8, string.Empty));
        Assert.Equal(StatusCode.FailedPrecondition, abandoned.StatusCode);

        await Client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = agent, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        var served = await ServeAsync(center, queue, agent, center.Id("served"));
        await RecordAsync(served, 4, null, string.Empty);
        var changed = await Assert.ThrowsAsync<RpcException>(() => RecordAsync(served, 1, null, string.Empty));
        Assert.Equal(StatusCode.FailedPrecondition, changed.StatusCode);
        var stats = await Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal((4.0, 1L, false), (stats.AverageCsat, stats.CsatResponses, stats.HasNetPromoterScore));
    }

    [Fact]
    public async Task A_retried_feedback_request_is_answered_again_and_its_id_for_other_feedback_is_refused()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("rated-once", Channel.Chat);
        var agent = await center.AgentAsync("rated-once-agent", [queue], [(Channel.Chat, 1, false)]);
        var served = await ServeAsync(center, queue, agent, center.Id("rater-once"));
        var requestId = RoutingClient.NewRequestId();

        var first = await RecordAsync(served, 5, 9, "fine", requestId);
        var retried = await RecordAsync(served, 5, 9, "fine", requestId);
        var reused = await Assert.ThrowsAsync<RpcException>(() => RecordAsync(served, 1, 0, "awful", requestId));

        Assert.Equal(first.Feedback, retried.Feedback);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal($"request id '{requestId}' already asked contact '{served}' for other feedback; use a new request id", reused.Status.Detail);
        var stats = await Client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal((5.0, 1L), (stats.AverageCsat, stats.CsatResponses));
    }

    private async Task<Contact> RecordAsync(string contactId, int? csat, int? nps, string comment, string? requestId = null)
    {
        var request = new RecordFeedbackRequest { RequestId = requestId ?? RoutingClient.NewRequestId(), ContactId = contactId, Comment = comment };
        if (csat is { } c)
        {
            request.Csat = c;
        }

        if (nps is { } n)
        {
            request.Nps = n;
        }

        return await Client.Feedback.RecordFeedbackAsync(request);
    }

    /// <summary>Routes a chat that its one free agent is offered, and has the agent accept and complete it.</summary>
    private async Task<string> ServeAsync(Center center, string queue, string agent, string customer)
    {
        var routed = await center.RouteAsync(queue, Channel.Chat, customer);
        var offered = await Eventually.Get(
            () => Client.Routing.GetContactAsync(new GetContactRequest { ContactId = routed.ContactId }).ResponseAsync,
            c => c.State == ContactState.Offered,
            "the chat to be offered");
        Assert.Equal(agent, offered.AgentId);
        await Client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = routed.ContactId, RequestId = RoutingClient.NewRequestId() });
        await Client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = routed.ContactId, RequestId = RoutingClient.NewRequestId() });
        return routed.ContactId;
    }
}
