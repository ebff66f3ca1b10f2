using Routing.Core;

namespace Routing.Abstractions;

/// <summary>
/// One agent, keyed by agent id: the only authority on the agent's capacity. It pulls work from the queues it
/// serves (agent → queue calls); queues only nudge it one-way, so grain calls never form a cycle.
/// </summary>
[Alias("routing.agent")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the agent; the queues it names must exist.</summary>
    [Alias("configure")]
    Task<Reply<AgentView>> Configure(AgentDefinition definition);

    /// <summary>Removes the agent; refused while it holds work.</summary>
    [Alias("remove")]
    Task<Reply> Remove();

    /// <summary>The agent, or null when it was never configured.</summary>
    [Alias("get")]
    Task<AgentView?> Get();

    /// <summary>
    /// Whether the agent is logged in and which queues it serves, or null when it was never configured. Interleaves
    /// (it reads only settled fields): two agents transferring to each other at once each ask the other.
    /// </summary>
    [Alias("get-presence"), AlwaysInterleave]
    Task<AgentPresenceView?> GetPresence();

    /// <summary>Logs in, out, or sets not ready with a reason; becoming available pulls waiting work.</summary>
    [Alias("set-presence")]
    Task<Reply<AgentView>> SetPresence(AgentPresence presence, string reason, RequestKey? request = null);

    [Alias("accept")]
    Task<Reply<AssignmentView>> AcceptOffer(string contactId, RequestKey? request = null);

    /// <summary>Refuses an offer: the contact goes back to its place and the agent to not ready.</summary>
    [Alias("reject")]
    Task<Reply> RejectOffer(string contactId, string reason, RequestKey? request = null);

    /// <summary>Ends a connected contact; the channel's wrap-up time follows before the capacity frees.</summary>
    [Alias("complete")]
    Task<Reply<AssignmentView>> CompleteContact(string contactId, string disposition, RequestKey? request = null);

    /// <summary>
    /// Passes a connected contact on to a queue, or to an agent (through the contact's queue unless one is named):
    /// it waits there with its original arrival time, and this agent's part ends as a completion would.
    /// </summary>
    [Alias("transfer")]
    Task<Reply<AssignmentView>> TransferContact(string contactId, string? toQueueId, string? toAgentId, RequestKey? request = null);

    [Alias("end-wrap-up")]
    Task<Reply> EndWrapUp(string contactId, RequestKey? request = null);

    /// <summary>Takes the best waiting work across the agent's queues while capacity allows; returns the contacts reserved.</summary>
    [Alias("take-work")]
    Task<IReadOnlyList<string>> TakeWork();

    /// <summary>A customer's survey answer for a contact this agent handled.</summary>
    [Alias("feedback-received")]
    Task FeedbackReceived(CustomerFeedback feedback);

    /// <summary>A queue saying it has work this agent may take.</summary>
    [Alias("work-available"), OneWay]
    Task WorkAvailable(string queueId);

    /// <summary>A queue asking for the agent's current state, after it activated.</summary>
    [Alias("report-to"), OneWay]
    Task ReportTo(string queueId);

    /// <summary>The customer left (hung up, closed the chat): drops an offer, or ends a connected contact into wrap-up.</summary>
    [Alias("customer-left")]
    Task<Reply> CustomerLeft(string contactId);

    /// <summary>
    /// Sends <paramref name="watcher"/> the agent after every change from now on (or renews its lease) and returns
    /// the agent as it is, so nothing between this read and the first notice is missed.
    /// </summary>
    [Alias("watch"), AlwaysInterleave]
    Task<AgentView?> Watch(IAgentChangeObserver watcher);

    /// <summary>Stops telling <paramref name="watcher"/>.</summary>
    [Alias("unwatch"), AlwaysInterleave]
    Task Unwatch(IAgentChangeObserver watcher);
}
