using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Routing.Server.Mapping;
using Routing.Grains;
using Routing.Server.Telemetry;

namespace Routing.Server.Services;

/// <summary>The agent desktops' API: status, offers, accept / reject, complete, wrap-up.</summary>
public sealed class AgentsService(IGrainFactory grains, ChangeFeeds feeds, IOptions<RoutingGrainOptions> routing, DecisionTimings timings) : Proto.Agents.AgentsBase
{
    public override async Task<Proto.Agent> SetStatus(Proto.SetStatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId);
        var presence = request.Status switch
        {
            Proto.AgentStatus.Available => AgentPresence.Available,
            Proto.AgentStatus.NotReady => AgentPresence.NotReady,
            Proto.AgentStatus.LoggedOut => AgentPresence.LoggedOut,
            _ => RequestValidation.Fail<AgentPresence>("status is required: AVAILABLE, NOT_READY or LOGGED_OUT"),
        };
        if (presence == AgentPresence.NotReady)
        {
            RequestValidation.Required(request.Reason, "reason (why the agent is not ready)");
        }

        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(await agent.SetPresence(presence, request.Reason)));
    }

    public override async Task<Proto.Agent> GetAgent(Proto.GetAgentRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId);
        return ViewMapper.ToApi((await agent.Get())!);
    }

    public override async Task WatchOffers(Proto.WatchOffersRequest request, IServerStreamWriter<Proto.OfferEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var agent = await ExistingAgentAsync(request.AgentId);
        var offered = new Dictionary<string, AssignmentView>(StringComparer.Ordinal);
        var version = -1L;
        using var lease = feeds.Open();
        try
        {
            while (!context.CancellationToken.IsCancellationRequested)
            {
                // Watching again renews the lease and reads the agent: woken by a change, or once per renewal.
                var view = await agent.Watch(lease.Feed.Reference);
                version = await SendOfferEventsAsync(request.AgentId, view, version, offered, responseStream, context);
                await lease.Feed.WaitAsync(routing.Value.WatchRenewInterval, context.CancellationToken);
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

    /// <summary>What changed since <paramref name="version"/> for the agent's offers, written to the stream.</summary>
    /// <returns>The version now sent.</returns>
    private async Task<long> SendOfferEventsAsync(
        string agentId,
        AgentView? view,
        long version,
        Dictionary<string, AssignmentView> offered,
        IServerStreamWriter<Proto.OfferEvent> responseStream,
        ServerCallContext context)
    {
        if (view is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"agent '{agentId}' was removed"));
        }

        if (view.Version == version)
        {
            return version;
        }

        var apiAgent = ViewMapper.ToApi(view);
        var current = view.Assignments.ToDictionary(a => a.Ticket.ContactId, StringComparer.Ordinal);
        foreach (var (contactId, previous) in offered.ToList())
        {
            if (current.TryGetValue(contactId, out var now) && now.Phase == AssignmentPhase.Offered)
            {
                continue;
            }

            var kind = now is not null ? Proto.OfferEventKind.Accepted : Proto.OfferEventKind.Ended;
            await responseStream.WriteAsync(Event(kind, now ?? previous, apiAgent), context.CancellationToken);
            offered.Remove(contactId);
        }

        foreach (var assignment in view.Assignments.Where(a => a.Phase == AssignmentPhase.Offered && !offered.ContainsKey(a.Ticket.ContactId)))
        {
            offered[assignment.Ticket.ContactId] = assignment;
            var offer = Event(Proto.OfferEventKind.Offered, assignment, apiAgent);
            offer.TimeToAccept = Duration.FromTimeSpan((assignment.Until ?? assignment.Since) - assignment.Since);

            // Who the customer is travels with the offer: the desktop shows their history before answering.
            offer.Customer = ViewMapper.ToApi(await grains.GetGrain<ICustomerGrain>(assignment.Ticket.CustomerId).Get());
            await responseStream.WriteAsync(offer, context.CancellationToken);
            timings.OfferWritten(assignment.Ticket.ContactId);
        }

        return view.Version;
    }

    public override async Task<Proto.Assignment> TransferContact(Proto.TransferContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Id(request.RequestId, "request_id");
        var contactId = RequestValidation.Id(request.ContactId, "contact_id");
        if (request.ToQueueId.Length == 0 && request.ToAgentId.Length == 0)
        {
            GrpcErrors.InvalidArgument("a transfer needs to_queue_id, to_agent_id or both");
        }

        var toQueue = request.ToQueueId.Length > 0 ? RequestValidation.Id(request.ToQueueId, "to_queue_id") : null;
        var toAgent = request.ToAgentId.Length > 0 ? RequestValidation.Id(request.ToAgentId, "to_agent_id") : null;
        var agent = await ExistingAgentAsync(request.AgentId);
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(await agent.TransferContact(contactId, toQueue, toAgent)));
    }

    public override async Task<Proto.Assignment> AcceptOffer(Proto.AcceptOfferRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId);
        var reply = await agent.AcceptOffer(RequestValidation.Id(request.ContactId, "contact_id"));
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(reply));
    }

    public override async Task<Proto.Agent> RejectOffer(Proto.RejectOfferRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId);
        GrpcErrors.ThrowIfFailed(await agent.RejectOffer(RequestValidation.Id(request.ContactId, "contact_id"), request.Reason));
        return ViewMapper.ToApi((await agent.Get())!);
    }

    public override async Task<Proto.Assignment> CompleteContact(Proto.CompleteContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId);
        var reply = await agent.CompleteContact(RequestValidation.Id(request.ContactId, "contact_id"), request.Disposition);
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(reply));
    }

    public override async Task<Proto.Agent> EndWrapUp(Proto.EndWrapUpRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = await ExistingAgentAsync(request.AgentId);
        GrpcErrors.ThrowIfFailed(await agent.EndWrapUp(RequestValidation.Id(request.ContactId, "contact_id")));
        return ViewMapper.ToApi((await agent.Get())!);
    }

    private async Task<IAgentGrain> ExistingAgentAsync(string agentId)
    {
        var agent = grains.GetGrain<IAgentGrain>(RequestValidation.Id(agentId, "agent_id"));
        if (await agent.Get() is null)
        {
            GrpcErrors.NotFound($"agent '{agentId}' does not exist");
        }

        return agent;
    }

    private static Proto.OfferEvent Event(Proto.OfferEventKind kind, AssignmentView assignment, Proto.Agent agent) =>
        new() { Kind = kind, Assignment = ViewMapper.ToApi(assignment), Agent = agent };
}
