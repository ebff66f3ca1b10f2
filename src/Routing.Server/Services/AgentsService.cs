using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Routing.Server.Mapping;
using Routing.Grains;
using Routing.Server.Security;
using Routing.Server.Telemetry;

namespace Routing.Server.Services;

/// <summary>The agent desktops' API: status, offers, accept / reject, complete, wrap-up.</summary>
public sealed class AgentsService(
    GrainReferences grains,
    ChangeFeeds feeds,
    IOptions<RoutingGrainOptions> routing,
    DecisionTimings timings,
    TimeProvider clock,
    CallerChecks callers) : Proto.Agents.AgentsBase
{
    public override async Task<Proto.Agent> SetStatus(Proto.SetStatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId, context);
        var presence = request.Status switch
        {
            Proto.AgentStatus.Available => AgentPresence.Available,
            Proto.AgentStatus.NotReady => AgentPresence.NotReady,
            Proto.AgentStatus.LoggedOut => AgentPresence.LoggedOut,
            _ => RequestValidation.Fail<AgentPresence>("status", "status is required: AVAILABLE, NOT_READY or LOGGED_OUT"),
        };
        var reason = RequestValidation.Text(request.Reason, "reason", InputLimits.MaxShortTextLength);
        if (presence == AgentPresence.NotReady)
        {
            RequestValidation.Required(reason, "reason (why the agent is not ready)");
        }

        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(await agent.SetPresence(presence, reason, RequestKeys.Of(request))));
    }

    public override async Task<Proto.Agent> GetAgent(Proto.GetAgentRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await Agent(request.AgentId, context).Get();
        if (view is null)
        {
            GrpcErrors.NotFound($"agent '{request.AgentId}' does not exist");
        }

        return ViewMapper.ToApi(view!);
    }

    public override async Task WatchOffers(Proto.WatchOffersRequest request, IServerStreamWriter<Proto.OfferEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var agent = await ExistingAgentAsync(request.AgentId, context);
        var offers = new OfferStream(request.AgentId, responseStream, context.CancellationToken);
        using var lease = feeds.Open();
        var attached = false;
        try
        {
            while (!context.CancellationToken.IsCancellationRequested)
            {
                // Watching renews the lease and reads the agent: at the start, when woken to renew, and when woken
                // without the agent (it deactivated, or a silo was lost and it lives elsewhere now).
                lease.RenewAt = clock.GetUtcNow() + routing.Value.DesktopRenewInterval;
                var watched = await agent.Watch(lease.Feed.Reference);
                if (!attached)
                {
                    // The response headers tell the desktop it is attached: from now on it is offered work, and
                    // leaving puts its agent Not Ready after the desktop grace. Before any event, which would send
                    // headers of its own.
                    await context.WriteResponseHeadersAsync([]);
                    attached = true;
                }

                await SendAsync(offers, watched, read: true);

                while (await lease.Feed.WaitAsync(Timeout.InfiniteTimeSpan, context.CancellationToken)
                    && !lease.Feed.TakeReadRequest()
                    && lease.Feed.TakeAgent() is { } pushed)
                {
                    await SendAsync(offers, pushed, read: false);
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            agent.Unwatch(lease.Feed.Reference).Ignore();
        }
    }

    /// <summary>
    /// Writes what changed in <paramref name="view"/> for the agent's offers. A view read from the agent is the
    /// truth (also after it was activated again); a pushed one is one-way and may arrive after a newer one, so it
    /// only counts when it is newer than what was sent.
    /// </summary>
    private async Task SendAsync(OfferStream offers, AgentView? view, bool read)
    {
        if (view is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"agent '{offers.AgentId}' was removed"));
        }

        if (!read && view.Version <= offers.Version)
        {
            return;
        }

        offers.Version = view.Version;
        Proto.Agent? apiAgent = null;
        var current = view.Assignments.ToDictionary(a => a.Ticket.ContactId, StringComparer.Ordinal);
        foreach (var (contactId, previous) in offers.Offered.ToList())
        {
            if (current.TryGetValue(contactId, out var now) && now.Phase == AssignmentPhase.Offered)
            {
                continue;
            }

            var kind = now is not null ? Proto.OfferEventKind.Accepted : Proto.OfferEventKind.Ended;
            apiAgent ??= AgentOfEvent(view);
            await offers.Writer.WriteAsync(Event(kind, now ?? previous, apiAgent), offers.Cancellation);
            offers.Offered.Remove(contactId);
        }

        foreach (var assignment in view.Assignments.Where(a => a.Phase == AssignmentPhase.Offered && !offers.Offered.ContainsKey(a.Ticket.ContactId)))
        {
            offers.Offered[assignment.Ticket.ContactId] = assignment;
            apiAgent ??= AgentOfEvent(view);
            var offer = Event(Proto.OfferEventKind.Offered, assignment, apiAgent);
            offer.TimeToAccept = Duration.FromTimeSpan((assignment.Until ?? assignment.Since) - assignment.Since);

            // Who the customer is travels with the offer: the desktop shows their history before answering.
            offer.Customer = ViewMapper.ToApi(await grains.Get<ICustomerGrain>(assignment.Ticket.CustomerId).Get());
            await offers.Writer.WriteAsync(offer, offers.Cancellation);
            timings.OfferWritten(assignment.Ticket.ContactId);
        }
    }

    public override async Task<Proto.Assignment> TransferContact(Proto.TransferContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestKey = RequestKeys.Required(request);
        var contactId = RequestValidation.Id(request.ContactId, "contact_id");
        if (request.ToQueueId.Length == 0 && request.ToAgentId.Length == 0)
        {
            GrpcErrors.InvalidArgument("a transfer needs to_queue_id, to_agent_id or both");
        }

        var toQueue = request.ToQueueId.Length > 0 ? RequestValidation.Id(request.ToQueueId, "to_queue_id") : null;
        var toAgent = request.ToAgentId.Length > 0 ? RequestValidation.Id(request.ToAgentId, "to_agent_id") : null;
        var agent = Agent(request.AgentId, context);
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(await agent.TransferContact(contactId, toQueue, toAgent, requestKey)));
    }

    public override async Task<Proto.Assignment> AcceptOffer(Proto.AcceptOfferRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = Agent(request.AgentId, context);
        var reply = await agent.AcceptOffer(RequestValidation.Id(request.ContactId, "contact_id"), RequestKeys.Of(request));
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(reply));
    }

    public override async Task<Proto.Agent> RejectOffer(Proto.RejectOfferRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = Agent(request.AgentId, context);
        GrpcErrors.ThrowIfFailed(await agent.RejectOffer(
            RequestValidation.Id(request.ContactId, "contact_id"),
            RequestValidation.Text(request.Reason, "reason", InputLimits.MaxShortTextLength),
            RequestKeys.Of(request)));
        return ViewMapper.ToApi((await agent.Get())!);
    }

    public override async Task<Proto.Assignment> CompleteContact(Proto.CompleteContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = Agent(request.AgentId, context);
        var reply = await agent.CompleteContact(
            RequestValidation.Id(request.ContactId, "contact_id"),
            RequestValidation.Text(request.Disposition, "disposition", InputLimits.MaxShortTextLength),
            RequestKeys.Of(request));
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(reply));
    }

    public override async Task<Proto.Agent> EndWrapUp(Proto.EndWrapUpRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = Agent(request.AgentId, context);
        GrpcErrors.ThrowIfFailed(await agent.EndWrapUp(RequestValidation.Id(request.ContactId, "contact_id"), RequestKeys.Of(request)));
        return ViewMapper.ToApi((await agent.Get())!);
    }

    // Commands go straight to the agent, which answers NotFound when it does not exist: no read of its own first.
    // An agent's token acts for that agent only: checked once the id is known to be well formed.
    private IAgentGrain Agent(string agentId, ServerCallContext context)
    {
        callers.EnsureActsFor(context, RequestValidation.Id(agentId, "agent_id"));
        return grains.Get<IAgentGrain>(agentId);
    }

    private async Task<IAgentGrain> ExistingAgentAsync(string agentId, ServerCallContext context)
    {
        var agent = Agent(agentId, context);
        if (await agent.Get() is null)
        {
            GrpcErrors.NotFound($"agent '{agentId}' does not exist");
        }

        return agent;
    }

    // The event's own assignment carries its contact's attributes; the agent's list carries none, so an event never
    // carries attributes twice (each of the others came with its own offer).
    private static Proto.Agent AgentOfEvent(AgentView view)
    {
        var agent = ViewMapper.ToApi(view);
        foreach (var assignment in agent.Assignments)
        {
            assignment.Attributes.Clear();
        }

        return agent;
    }

    private static Proto.OfferEvent Event(Proto.OfferEventKind kind, AssignmentView assignment, Proto.Agent agent) =>
        new() { Kind = kind, Assignment = ViewMapper.ToApi(assignment), Agent = agent };
}
