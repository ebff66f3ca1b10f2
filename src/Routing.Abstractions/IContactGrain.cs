using Routing.Core;

namespace Routing.Abstractions;

/// <summary>
/// One contact (call, chat, email), keyed by a contact id derived from the client's request id, so a retried
/// request reaches the same grain and gets the same decision. It records the contact's life; agents tell it
/// what happened one-way.
/// </summary>
[Alias("routing.contact")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>Routes the contact once; a retry returns the first decision.</summary>
    [Alias("route")]
    Task<Reply<RouteDecision>> Route(RouteRequest request);

    /// <summary>The customer hung up or closed the chat.</summary>
    [Alias("cancel")]
    Task<Reply<ContactView>> Cancel(RequestKey? request = null);

    [Alias("get")]
    Task<ContactView?> Get();

    /// <summary>The customer's survey answer, once; counted in the customer's history and the queue's and agent's satisfaction.</summary>
    [Alias("record-feedback")]
    Task<Reply<ContactView>> RecordFeedback(CustomerFeedback feedback, RequestKey? request = null);

    /// <summary>The caller would rather be called back: the place in line is kept without holding the line.</summary>
    [Alias("request-callback")]
    Task<Reply<ContactView>> RequestCallback(string callbackNumber, RequestKey? request = null);

    // A hint the agent repeats on every activation while it holds the offer, so losing one to a crash loses nothing.
    // The offer is named by when the agent reserved it, so that a late hint of an offer already returned is ignored.
    [Alias("offered"), OneWay]
    Task Offered(string agentId, string reason, DateTimeOffset offeredAt);

    // The agent awaits these four so a reply to the desktop implies the contact's record; they interleave with the
    // contact's own calls (which await agents) so the two grains can never wait on each other.
    [Alias("offer-returned"), AlwaysInterleave]
    Task OfferReturned(string agentId, string reason, DateTimeOffset offeredAt);

    [Alias("connected"), AlwaysInterleave]
    Task Connected(string agentId, ContactTicket ticket);

    /// <summary>The agent passed it on: it waits again, in the ticket's queue (and for its preferred agent, if any).</summary>
    [Alias("transferred"), AlwaysInterleave]
    Task Transferred(string fromAgentId, ContactTicket ticket);

    [Alias("wrap-up"), AlwaysInterleave]
    Task WrapUp(string agentId);

    [Alias("completed"), AlwaysInterleave]
    Task Completed(string agentId, string disposition);

    /// <summary>
    /// Tells <paramref name="watcher"/> of every change from now on (or renews its lease) and returns the contact as it
    /// is, so nothing between this read and the first notice is missed.
    /// </summary>
    [Alias("watch"), AlwaysInterleave]
    Task<ContactView?> Watch(IChangeObserver watcher);

    /// <summary>Stops telling <paramref name="watcher"/>.</summary>
    [Alias("unwatch"), AlwaysInterleave]
    Task Unwatch(IChangeObserver watcher);
}
