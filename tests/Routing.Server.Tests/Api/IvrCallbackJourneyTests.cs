using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The demo center as a telephony adapter and an agent desktop use it: a caller presses through the seeded menus to
/// Spanish billing, waits, takes a callback, and a Spanish-speaking billing agent is offered the callback with the
/// caller's history. Its own seeded server (a class fixture), so the demo agents and queues are this class's alone.
/// </summary>
public sealed class IvrCallbackJourneyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Caller = "+34911000111";
    private const string CallbackNumber = "+34 600 123 456";

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task A_call_navigates_to_spanish_billing_takes_a_callback_and_is_offered_to_a_spanish_billing_agent_with_its_history()
    {
        var client = Server.Client;

        // An earlier call from the same customer that hung up while waiting: history the agent should see.
        var earlier = await client.Routing.RouteContactAsync(new RouteContactRequest { RequestId = "earlier", Channel = Channel.Voice, CustomerId = Caller, QueueId = "billing-es" });
        await client.Routing.CancelContactAsync(new CancelContactRequest { RequestId = "earlier-hang-up", ContactId = earlier.ContactId });

        // Welcome prompt, "2" for Spanish, a wrong key, then "3" for billing.
        var welcome = await NavigateAsync("nav-1", "welcome", string.Empty);
        Assert.Equal(("welcome", 2), (welcome.Prompt.MenuId, welcome.Prompt.RetriesLeft));
        var spanish = await NavigateAsync("nav-2", null, "2");
        Assert.Equal(("main-es", "es"), (spanish.Prompt.MenuId, spanish.Language));
        var wrong = await NavigateAsync("nav-3", null, "7");
        Assert.Equal(("main-es", "'7' is not an option", 1), (wrong.Prompt.MenuId, wrong.Notice, wrong.Prompt.RetriesLeft));
        var billing = await NavigateAsync("nav-4", null, "3");
        Assert.Equal(NavigateIvrResponse.StepOneofCase.Destination, billing.StepCase);
        Assert.Equal((IvrRouteKind.Queue, "billing-es", "es"), (billing.Destination.Kind, billing.Destination.QueueId, billing.Destination.Language));
        Assert.Equal([("billing", 5), ("spanish", 5)], billing.Destination.RequiredSkills.Select(s => (s.Skill, s.MinLevel)));
        Assert.Equal(billing, await NavigateAsync("nav-4", null, "3"));

        // Routed through the session: nobody is logged in, so it waits first in line with the path and skills.
        var routed = await client.Routing.RouteContactAsync(new RouteContactRequest { RequestId = "journey", CustomerId = Caller, IvrSessionId = "journey-call" });
        Assert.Equal((RouteOutcome.Queued, 1), (routed.Outcome, routed.Position));
        var waiting = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = routed.ContactId });
        Assert.Equal(("billing-es", Channel.Voice, "es"), (waiting.QueueId, waiting.Channel, waiting.Attributes["language"]));
        Assert.Equal([("billing", 5), ("spanish", 5)], waiting.RequiredSkills.Select(s => (s.Skill, s.MinLevel)));
        Assert.Equal([("welcome", "2"), ("main-es", "3")], waiting.IvrPath.Select(s => (s.MenuId, s.Digit)));

        // Another caller joins behind it; then the first takes a callback and keeps its place.
        var behind = await client.Routing.RouteContactAsync(new RouteContactRequest { RequestId = "behind", Channel = Channel.Voice, CustomerId = "+34911000999", QueueId = "billing-es" });
        Assert.Equal(2, behind.Position);
        var callback = await client.Routing.RequestCallbackAsync(new RequestCallbackRequest { RequestId = "cb-1", ContactId = routed.ContactId, CallbackNumber = CallbackNumber });
        Assert.Equal((ContactState.CallbackScheduled, 1, CallbackNumber), (callback.State, callback.Position, callback.CallbackNumber));
        Assert.Equal(2, (await client.Routing.GetContactAsync(new GetContactRequest { ContactId = behind.ContactId })).Position);

        // Ines (billing 9, Spanish 10) logs in: the callback comes first, with the number, the path and the history.
        using var offers = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = "ines" });
        await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = "ines", Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        var offer = await Eventually.NextMatching(offers.ResponseStream, e => e.Kind == OfferEventKind.Offered, "an offer to ines");
        Assert.Equal((routed.ContactId, CallbackNumber), (offer.Assignment.ContactId, offer.Assignment.CallbackNumber));
        Assert.Equal(["Español", "Facturación"], offer.Assignment.IvrPath.Select(s => s.Label));
        Assert.Contains(routed.ContactId, offer.Customer.ContactsInProgress);
        var history = Assert.Single(offer.Customer.History);
        Assert.Equal((earlier.ContactId, ContactState.Abandoned, "billing-es"), (history.ContactId, history.Outcome, history.QueueId));

        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = "ines", ContactId = routed.ContactId, RequestId = "cb-accept" });
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = "ines", ContactId = routed.ContactId, RequestId = "cb-complete", Disposition = "refund issued" });
        await client.Agents.EndWrapUpAsync(new EndWrapUpRequest { AgentId = "ines", ContactId = routed.ContactId, RequestId = "cb-wrap-up" });
        var customer = await Eventually.Get(
            () => client.Admin.GetCustomerAsync(new GetCustomerRequest { CustomerId = Caller }).ResponseAsync,
            c => c.History.Count == 2,
            "the callback in the customer's history");
        Assert.Equal((routed.ContactId, "ines"), (customer.History[0].ContactId, customer.History[0].AgentId));
        Assert.Equal(["welcome", "main-es"], customer.History[0].IvrPath.Select(s => s.MenuId));
        Assert.Equal("ines", customer.LastAgentId);
    }

    [Fact]
    public async Task A_silent_caller_is_led_by_the_default_keys_and_a_session_cannot_route_before_its_end()
    {
        var client = Server.Client;
        var first = await NavigateAsync("silent-1", "welcome", string.Empty, session: "silent", timedOut: true);
        Assert.Equal(("welcome", "no input", 1), (first.Prompt.MenuId, first.Notice, first.Prompt.RetriesLeft));

        var early = await Assert.ThrowsAsync<RpcException>(() => client.Routing.RouteContactAsync(
            new RouteContactRequest { RequestId = "too-early", CustomerId = "silent-caller", IvrSessionId = "silent" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("has not reached a route yet", early.Status.Detail, StringComparison.Ordinal);

        // Two more silences take English (the default), three more take support (main-en's default).
        await NavigateAsync("silent-2", null, string.Empty, session: "silent", timedOut: true);
        var english = await NavigateAsync("silent-3", null, string.Empty, session: "silent", timedOut: true);
        Assert.Equal(("main-en", "en"), (english.Prompt.MenuId, english.Language));
        NavigateIvrResponse support = english;
        for (var i = 4; support.StepCase == NavigateIvrResponse.StepOneofCase.Prompt; i++)
        {
            support = await NavigateAsync($"silent-{i}", null, string.Empty, session: "silent", timedOut: true);
        }

        Assert.Equal(("support-en", "en"), (support.Destination.QueueId, support.Destination.Language));
        Assert.All(support.Path, step => Assert.True(step.ByDefault));

        var bad = await Assert.ThrowsAsync<RpcException>(() => NavigateAsync("bad", "welcome", "1a", session: "bad-keys"));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => NavigateAsync("unknown", "no-such-menu", "1", session: "unknown-menu"));
        Assert.Equal((StatusCode.NotFound, "menu 'no-such-menu' does not exist"), (unknown.StatusCode, unknown.Status.Detail));
    }

    [Fact]
    public async Task Menu_actions_route_a_callback_with_its_number_and_a_message_as_an_email()
    {
        var client = Server.Client;
        var callback = await NavigateAsync("cb-nav", "welcome", "19", session: "callback-call");
        Assert.Equal((IvrRouteKind.Callback, "billing-en"), (callback.Destination.Kind, callback.Destination.QueueId));
        var noNumber = await Assert.ThrowsAsync<RpcException>(() => client.Routing.RouteContactAsync(
            new RouteContactRequest { RequestId = "cb-no-number", CustomerId = "+14155550100", IvrSessionId = "callback-call" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, noNumber.StatusCode);
        var scheduled = await client.Routing.RouteContactAsync(
            new RouteContactRequest { RequestId = "cb-route", CustomerId = "+14155550100", IvrSessionId = "callback-call", CallbackNumber = "+1 415 555 0100" });
        var contact = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = scheduled.ContactId });
        Assert.Equal((ContactState.CallbackScheduled, "billing-en", Channel.Voice), (contact.State, contact.QueueId, contact.Channel));
        Assert.Contains("callback to +1 415 555 0100 scheduled", scheduled.Reason, StringComparison.Ordinal);

        var message = await NavigateAsync("msg-nav", "welcome", "18", session: "message-call");
        Assert.Equal(IvrRouteKind.LeaveEmail, message.Destination.Kind);
        var email = await client.Routing.RouteContactAsync(new RouteContactRequest { RequestId = "msg-route", CustomerId = "+14155550100", IvrSessionId = "message-call" });
        var left = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = email.ContactId });
        Assert.Equal((Channel.Email, "support-en", "en"), (left.Channel, left.QueueId, left.Attributes["language"]));
        Assert.Equal([("support", 3), ("english", 5)], left.RequiredSkills.Select(s => (s.Skill, s.MinLevel)));

        // The same customer's two open contacts are flagged on both.
        Assert.Contains(scheduled.ContactId, left.OtherContactsInProgress);
        var first = await Eventually.Get(
            () => client.Routing.GetContactAsync(new GetContactRequest { ContactId = scheduled.ContactId }).ResponseAsync,
            c => c.OtherContactsInProgress.Contains(email.ContactId),
            "the callback to be flagged with the customer's second contact");
        Assert.Contains(email.ContactId, first.OtherContactsInProgress);
    }

    private async Task<NavigateIvrResponse> NavigateAsync(string requestId, string? menuId, string digits, string session = "journey-call", bool timedOut = false) =>
        await Server.Client.Routing.NavigateIvrAsync(new NavigateIvrRequest
        {
            RequestId = requestId,
            SessionId = session,
            MenuId = menuId ?? string.Empty,
            Digits = digits,
            TimedOut = timedOut,
        });
}
