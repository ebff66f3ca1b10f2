namespace Routing.Grains;

/// <summary>
/// The desktop's commands on offers and contacts, by request id: a retry is answered as the first time, the same id
/// for another request is refused, and a new request is carried out (AgentGrain.Offers). The record of a request is
/// written by the request's own state write, so it is durable exactly when the change is.
/// </summary>
public sealed partial class AgentGrain
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    // The request being carried out, recorded by each state write it makes, with the assignment as it then stands.
    private RequestKey? carrying;
    private AssignmentView? carriedOutcome;

    public async Task<Reply<AssignmentView>> AcceptOffer(string contactId, RequestKey? request = null)
    {
        if (Refusal(request, out var earlier) is { } refused)
        {
            return Reply.Failure<AssignmentView>(refused);
        }

        var assignment = workload.Get(contactId);
        if (assignment is null)
        {
            // Long finished since it was accepted: the first answer, as recorded.
            return earlier?.Outcome is { } first
                ? Reply.Success(first)
                : Reply.Failure<AssignmentView>(ReplyStatus.FailedPrecondition, $"agent '{AgentId}' holds no offer for contact '{contactId}'");
        }

        return await CarryingAsync(request, () => AcceptAsync(assignment, request));
    }

    public async Task<Reply> RejectOffer(string contactId, string reason, RequestKey? request = null)
    {
        return Refusal(request, out var earlier) ?? (earlier is not null ? Reply.Ok : await CarryingAsync(request, () => RejectAsync(contactId, reason)));
    }

    public async Task<Reply<AssignmentView>> CompleteContact(string contactId, string disposition, RequestKey? request = null)
    {
        if (Refusal(request, out var earlierRequest) is { } refused)
        {
            return Reply.Failure<AssignmentView>(refused);
        }

        var assignment = workload.Get(contactId);
        if (assignment is null && finished.TryGet(contactId, out var earlier) && earlier.Phase == AssignmentPhase.Completed)
        {
            return Reply.Success(earlier);
        }

        if (assignment is null && earlierRequest?.Outcome is { } first)
        {
            return Reply.Success(first);
        }

        return await CarryingAsync(request, () => CompleteAsync(contactId, assignment, disposition));
    }

    public async Task<Reply> EndWrapUp(string contactId, RequestKey? request = null)
    {
        return Refusal(request, out var earlier) ?? (earlier is not null ? Reply.Ok : await CarryingAsync(request, () => EndWrapUpCommandAsync(contactId)));
    }

    /// <summary>The earlier request with this id, or null when the id is new (or none was given).</summary>
    private RecentRequest? Earlier(RequestKey? request) =>
        request is null ? null : state.State.RecentRequests.Find(r => r.RequestId == request.RequestId);

    /// <summary>
    /// NOT_FOUND for an agent that does not exist, FAILED_PRECONDITION for an id already used for a different request,
    /// else null; <paramref name="earlier"/> is the earlier request with this id (a retry), if any.
    /// </summary>
    private Reply? Refusal(RequestKey? request, out RecentRequest? earlier)
    {
        earlier = Earlier(request);
        return Definition is null ? Reply.Fail(ReplyStatus.NotFound, NoSuchAgent)
            : request is not null && earlier is not null && earlier.Fingerprint != request.Fingerprint
                ? Reply.Fail(ReplyStatus.FailedPrecondition, $"request_id '{request.RequestId}' was already used for a different request; a new request needs a new id")
                : null;
    }

    /// <summary>Runs a command, recording <paramref name="request"/> with the writes it makes.</summary>
    private async Task<T> CarryingAsync<T>(RequestKey? request, Func<Task<T>> command)
    {
        carrying = request;
        carriedOutcome = null;
        try
        {
            return await command();
        }
        finally
        {
            carrying = null;
            carriedOutcome = null;
        }
    }

    /// <summary>The request will not have happened (it failed after a write): its record goes with the next write.</summary>
    private void Forget(RequestKey? request)
    {
        if (request is not null)
        {
            state.State.RecentRequests.RemoveAll(r => r.RequestId == request.RequestId);
        }

        carrying = null;
    }

    private void RecordCarriedRequest()
    {
        if (carrying is not { } request)
        {
            return;
        }

        var recent = state.State.RecentRequests;
        recent.RemoveAll(r => r.RequestId == request.RequestId);
        recent.Add(new RecentRequest(request.RequestId, request.Fingerprint, carriedOutcome is { } outcome
            ? outcome with { Ticket = outcome.Ticket with { Attributes = NoAttributes, IvrPath = null } }
            : null));
        if (recent.Count > options.Value.RequestsRemembered)
        {
            recent.RemoveRange(0, recent.Count - options.Value.RequestsRemembered);
        }
    }
}
