using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Routing.Server.Mapping;
using Routing.Grains;
using Routing.Server.Hosting;
using Routing.Server.Security;
using Routing.Server.Telemetry;

namespace Routing.Server.Services;

/// <summary>The channel adapters' API: route, watch, cancel contacts; estimate a queue's wait.</summary>
public sealed class RoutingService(
    GrainReferences grains,
    ChangeFeeds feeds,
    IOptions<RoutingServerOptions> options,
    IOptions<RoutingGrainOptions> routing,
    DecisionTimings timings) : Proto.Routing.RoutingBase
{
    public override async Task<Proto.RouteContactResponse> RouteContact(Proto.RouteContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestKey = RequestKeys.Required(request);
        var requestId = requestKey.RequestId;

        // Through the IVR the destination names the queue, and a call is the channel unless the adapter says otherwise.
        var viaIvr = request.IvrSessionId.Length > 0;
        var route = new RouteRequest(
            requestId,
            viaIvr && request.Channel == Proto.Channel.Unspecified ? Channel.Voice : RequestValidation.Channel(request.Channel),
            RequestValidation.Id(request.CustomerId, "customer_id"),
            viaIvr && request.QueueId.Length == 0 ? string.Empty : RequestValidation.Id(request.QueueId, "queue_id"),
            RequestValidation.Requirements(request.RequiredSkills),
            request.HasPriority ? RequestValidation.Priority(request.Priority) : null,
            RequestValidation.Attributes(request.Attributes),
            viaIvr ? RequestValidation.Id(request.IvrSessionId, "ivr_session_id") : null,
            request.CallbackNumber.Length > 0 ? RequestValidation.PhoneNumber(request.CallbackNumber, "callback_number") : null,
            requestKey.Fingerprint);
        var contactId = ContactIds.Of(context.GetHttpContext().User.FindFirst(ApiRoles.SubjectClaim)?.Value, requestId);

        // A caller that gave up (deadline passed, call cancelled) before the contact exists gets none: nothing it was
        // never told about is routed. Once the contact grain has the request it is kept, and the same request id
        // (a retry) reaches it.
        context.CancellationToken.ThrowIfCancellationRequested();
        timings.Received(contactId);
        Reply<RouteDecision>? reply = null;
        try
        {
            reply = await grains.Get<IContactGrain>(contactId).Route(route);
            return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(reply));
        }
        finally
        {
            timings.Answered(contactId, offered: reply is { IsOk: true, Value.State: ContactState.Offered });
        }
    }

    public override async Task WatchContact(Proto.WatchContactRequest request, IServerStreamWriter<Proto.Contact> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var contact = grains.Get<IContactGrain>(RequestValidation.Id(request.ContactId, "contact_id"));
        var view = await contact.Get() ?? throw NotFound(request.ContactId);
        var queue = grains.Get<IQueueGrain>(view.Ticket.QueueId);
        using var lease = feeds.Open();
        try
        {
            await WatchContactAsync(request.ContactId, contact, queue, lease.Feed, responseStream, context);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            contact.Unwatch(lease.Feed.Reference).Ignore();
            queue.Unwatch(lease.Feed.Reference).Ignore();
        }
    }

    private async Task WatchContactAsync(
        string contactId,
        IContactGrain contact,
        IQueueGrain queue,
        ChangeFeed feed,
        IServerStreamWriter<Proto.Contact> responseStream,
        ServerCallContext context)
    {
        // Position and estimate move with the queue, the state with the contact: one feed watches both. Estimates
        // also move with time alone, so a waiting contact is described again every refresh interval.
        var wait = options.Value.WatchRefreshInterval < routing.Value.WatchRenewInterval ? options.Value.WatchRefreshInterval : routing.Value.WatchRenewInterval;
        Proto.Contact? last = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            await queue.Watch(feed.Reference);
            var view = await contact.Watch(feed.Reference) ?? throw NotFound(contactId);
            var update = await DescribeAsync(view, queue);

            // Between the queue letting a contact go (connected, or taken by another path) and the contact grain
            // hearing of it, a queued contact is in neither place; that instant is not news worth a message.
            var inTransit = update.State == Proto.ContactState.Queued && update.Position == 0;
            if (!inTransit && !update.Equals(last))
            {
                await responseStream.WriteAsync(update, context.CancellationToken);
                last = update;
            }

            if (view.HasEnded)
            {
                return;
            }

            await feed.WaitAsync(wait, context.CancellationToken);
        }
    }

    public override async Task<Proto.Contact> CancelContact(Proto.CancelContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = grains.Get<IContactGrain>(RequestValidation.Id(request.ContactId, "contact_id"));
        var view = GrpcErrors.ValueOrThrow(await contact.Cancel(RequestKeys.Of(request)));
        return ViewMapper.ToApi(view, null);
    }

    public override async Task<Proto.NavigateIvrResponse> NavigateIvr(Proto.NavigateIvrRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestKey = RequestKeys.Required(request);
        var session = grains.Get<IIvrSessionGrain>(RequestValidation.Id(request.SessionId, "session_id"));
        var menuId = request.MenuId.Length > 0 ? RequestValidation.Id(request.MenuId, "menu_id") : null;
        var reply = await session.Navigate(requestKey.RequestId, menuId, RequestValidation.Digits(request.Digits), request.TimedOut, requestKey.Fingerprint);
        return ViewMapper.ToApi(GrpcErrors.ValueOrThrow(reply));
    }

    public override async Task<Proto.Contact> RequestCallback(Proto.RequestCallbackRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestKey = RequestKeys.Required(request);
        var contact = grains.Get<IContactGrain>(RequestValidation.Id(request.ContactId, "contact_id"));
        var number = RequestValidation.PhoneNumber(RequestValidation.Required(request.CallbackNumber, "callback_number"), "callback_number");
        var view = GrpcErrors.ValueOrThrow(await contact.RequestCallback(number, requestKey));
        return await DescribeAsync(view, grains.Get<IQueueGrain>(view.Ticket.QueueId));
    }

    public override async Task<Proto.Contact> GetContact(Proto.GetContactRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = grains.Get<IContactGrain>(RequestValidation.Id(request.ContactId, "contact_id"));
        var view = await contact.Get() ?? throw NotFound(request.ContactId);
        return await DescribeAsync(view, grains.Get<IQueueGrain>(view.Ticket.QueueId));
    }

    public override async Task<Proto.QueueEstimate> GetQueueEstimate(Proto.GetQueueEstimateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queueId = RequestValidation.Id(request.QueueId, "queue_id");
        var queue = grains.Get<IQueueGrain>(queueId);
        var stats = await queue.GetStats()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"queue '{queueId}' does not exist"));
        Channel? channel = request.Channel == Proto.Channel.Unspecified ? null : RequestValidation.Channel(request.Channel);
        var estimate = GrpcErrors.ValueOrThrow(await queue.EstimateForNewContact(channel));
        return new Proto.QueueEstimate
        {
            QueueId = queueId,
            Waiting = stats.Waiting,
            EstimatedWait = estimate.Wait is { } wait ? Duration.FromTimeSpan(wait) : null,
            AgentsAvailable = stats.AgentsAvailable,
            ProbabilityAnsweredWithinTarget = estimate.ProbabilityWithinTarget,
            ServiceLevelTarget = Duration.FromTimeSpan(estimate.Target),
        };
    }

    private static async Task<Proto.Contact> DescribeAsync(ContactView view, IQueueGrain queue)
    {
        var status = view.State == ContactState.Queued ? await queue.GetContactStatus(view.Ticket.ContactId) : null;
        return ViewMapper.ToApi(view, status);
    }

    private static RpcException NotFound(string contactId) =>
        new(new Status(StatusCode.NotFound, $"contact '{contactId}' does not exist"));
}
