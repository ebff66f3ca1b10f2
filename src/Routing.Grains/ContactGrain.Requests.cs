namespace Routing.Grains;

/// <summary>What a customer's channel may ask of a contact: a callback, feedback, cancelling.</summary>
public sealed partial class ContactGrain
{
    public async Task<Reply<ContactView>> RequestCallback(string callbackNumber, RequestKey? request = null)
    {
        if (Record.Ticket is null)
        {
            return Unknown();
        }

        if (Reused(Record.CallbackRequest, request, "a callback to another number") is { } reused)
        {
            return reused;
        }

        if (Record.Ticket.CallbackNumber == callbackNumber)
        {
            return Reply.Success(await ViewAsync());
        }

        if (Record.Ticket.Channel != Channel.Voice || Record.State != ContactState.Queued)
        {
            return Reply.Failure<ContactView>(
                ReplyStatus.FailedPrecondition,
                $"contact '{ContactId}' is a {Record.Ticket.Channel.ToString().ToLowerInvariant()} contact in state {Record.State.ToString().ToLowerInvariant()}: only a voice call waiting in line can take a callback");
        }

        // The queue first: it holds the place in line, and the ticket an agent will be offered.
        var scheduled = await grains.Get<IQueueGrain>(Record.Ticket.QueueId).ScheduleCallback(ContactId, callbackNumber);
        if (!scheduled.IsOk)
        {
            return Reply.Failure<ContactView>(scheduled);
        }

        Record.Ticket = Record.Ticket with { CallbackNumber = callbackNumber };
        Record.CallbackRequest = request;
        Record.Reason = $"callback to {callbackNumber} scheduled; the place in line is kept without holding the line";
        await SaveAsync();
        LogCallbackScheduled(logger, ContactId, Record.Ticket.QueueId);
        return Reply.Success(await ViewAsync());
    }

    public async Task<Reply<ContactView>> RecordFeedback(CustomerFeedback feedback, RequestKey? request = null)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (Record.Ticket is null)
        {
            return Unknown();
        }

        if (Reused(Record.FeedbackRequest, request, "other feedback") is { } reused)
        {
            return reused;
        }

        if (feedback.Problem() is { } problem)
        {
            return Reply.Failure<ContactView>(ReplyStatus.InvalidArgument, problem);
        }

        if (Record.AnsweredAt is null || Record.AgentId is null || Record.State is not (ContactState.Completed or ContactState.WrapUp))
        {
            return Reply.Failure<ContactView>(
                ReplyStatus.FailedPrecondition,
                $"contact '{ContactId}' is {Record.State.ToString().ToLowerInvariant()}: feedback is for a contact an agent answered and finished");
        }

        if (Record.Feedback is not null && Record.Feedback != feedback)
        {
            return Reply.Failure<ContactView>(ReplyStatus.FailedPrecondition, $"feedback for contact '{ContactId}' was already recorded");
        }

        if (Record.Feedback is null)
        {
            Record.Feedback = feedback;
            Record.FeedbackRequest = request;
            await SaveAsync();
        }

        if (!Record.FeedbackPropagated)
        {
            await grains.Get<ICustomerGrain>(Record.Ticket.CustomerId).FeedbackGiven(ContactId, feedback);
            await grains.Get<IQueueGrain>(Record.Ticket.QueueId).FeedbackReceived(feedback);
            await grains.Get<IAgentGrain>(Record.AgentId).FeedbackReceived(feedback);
            Record.FeedbackPropagated = true;
            await SaveAsync();
        }

        return Reply.Success(await ViewAsync());
    }

    public async Task<Reply<ContactView>> Cancel(RequestKey? request = null)
    {
        if (Record.Ticket is null)
        {
            return Unknown();
        }

        if (Reused(Record.CancelRequest, request, "a cancel") is { } reused)
        {
            return reused;
        }

        if (IsEnded)
        {
            // A retried cancel: the first may have failed after this record's write, before the customer heard.
            await TellCustomerEndedAsync();
            return Reply.Success(await ViewAsync());
        }

        if (Record.State is ContactState.Queued or ContactState.Offered)
        {
            var abandoned = await grains.Get<IQueueGrain>(Record.Ticket.QueueId).Abandon(ContactId);
            if (abandoned.IsOk)
            {
                if (abandoned.Value is { } offeredTo)
                {
                    await grains.Get<IAgentGrain>(offeredTo).CustomerLeft(ContactId);
                }

                Record.CancelRequest = request;
                await EndAsync(ContactState.Abandoned, "the customer left before being answered", agentId: null);
                return Reply.Success(await ViewAsync());
            }

            // Answered a moment ago, before this contact heard of it from the agent.
            Record.AgentId ??= abandoned.Value;
        }

        // With an agent: the agent ends it into wrap-up and tells us.
        if (Record.AgentId is not null)
        {
            await grains.Get<IAgentGrain>(Record.AgentId).CustomerLeft(ContactId);
        }

        return Reply.Success(await ViewAsync());
    }

    // NotFound, and no empty activation left behind for an id nobody routed.
    private Reply<ContactView> Unknown()
    {
        this.DeactivateOnIdle();
        return Reply.Failure<ContactView>(ReplyStatus.NotFound, $"contact '{ContactId}' does not exist");
    }

    /// <summary>
    /// A refusal when <paramref name="request"/> reuses the id of a request this contact already carried out for
    /// something else (its fingerprint differs): <paramref name="sameKind"/> is what the same kind of request asked,
    /// said as <paramref name="what"/>; callbacks, feedback and cancels share their ids' namespace on a contact.
    /// </summary>
    private Reply<ContactView>? Reused(RequestKey? sameKind, RequestKey? request, string what)
    {
        if (request is null)
        {
            return null;
        }

        var asked = Differs(sameKind) ? what
            : Differs(Record.CallbackRequest) ? "a callback"
            : Differs(Record.FeedbackRequest) ? "feedback"
            : Differs(Record.CancelRequest) ? "a cancel"
            : null;
        return asked is null ? null
            : Reply.Failure<ContactView>(ReplyStatus.FailedPrecondition, $"request id '{request.RequestId}' already asked contact '{ContactId}' for {asked}; use a new request id");

        bool Differs(RequestKey? first) => first is not null && first.RequestId == request.RequestId && first.Fingerprint != request.Fingerprint;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId} in {QueueId} will be called back")]
    private static partial void LogCallbackScheduled(ILogger logger, string contactId, string queueId);
}
