using Routing.Core;

namespace Routing.Abstractions;

/// <summary>
/// One queue, keyed by queue id: the authority on waiting order. It never awaits an agent or a contact grain;
/// it tells them things one-way, so the call graph (contact → agent → queue) has no cycle.
/// </summary>
[Alias("routing.queue")]
public interface IQueueGrain : IGrainWithStringKey
{
    [Alias("configure")]
    Task<Reply> Configure(QueueDefinition definition);

    /// <summary>Removes the queue; refused while contacts wait in it.</summary>
    [Alias("remove")]
    Task<Reply> Remove();

    // Interleaves: two queues configured at once may read each other (overflow links).
    [Alias("get-definition"), AlwaysInterleave]
    Task<QueueDefinition?> GetDefinition();

    /// <summary>Puts a contact in line; answers its place and the free agents that could take it now.</summary>
    [Alias("enqueue")]
    Task<EnqueueResult> Enqueue(ContactTicket ticket);

    /// <summary>The best waiting contact this agent could take now, for the agent to compare across queues.</summary>
    /// <remarks>The pick is passed over for other agents for a short lease (in memory only), until claimed or expired.</remarks>
    [Alias("peek")]
    Task<QueuePick?> PeekBest(AgentWorkView agent, int queuePriority);

    /// <summary>The agent took other work: the contact proposed to it is open to other agents again at once.</summary>
    /// <summary>The waiting contact becomes a callback on this number, keeping its place; refused once it is offered.</summary>
    [Alias("schedule-callback")]
    Task<Reply> ScheduleCallback(string contactId, string callbackNumber);

    /// <summary>A customer's survey answer for a contact this queue handled.</summary>
    [Alias("feedback-received")]
    Task FeedbackReceived(CustomerFeedback feedback);

    [Alias("release-proposal"), OneWay]
    Task ReleaseProposal(string contactId, string agentId);

    /// <summary>
    /// Marks a waiting contact offered to the agent; null when it was taken or left meanwhile. Claiming a contact
    /// already offered to the same agent succeeds again, so an agent can re-claim after a restart.
    /// </summary>
    [Alias("claim")]
    Task<ClaimResult?> Claim(string contactId, string agentId);

    /// <summary>An offer rejected or expired: the contact goes back to its place.</summary>
    [Alias("return")]
    Task Return(string contactId, string agentId);

    /// <summary>The agent accepted: the contact leaves the line. False when the customer left meanwhile.</summary>
    [Alias("connected")]
    Task<bool> Connected(string contactId, string agentId);

    /// <summary>
    /// The customer left while in line or offered; answers the agent holding the offer, if any. Fails when the
    /// contact is no longer in line, with the agent that answered it as the value when the queue still knows.
    /// </summary>
    [Alias("abandon")]
    Task<Reply<string?>> Abandon(string contactId);

    [Alias("contact-status"), ReadOnly]
    Task<ContactQueueStatus> GetContactStatus(string contactId);

    /// <summary>
    /// The expected wait of a contact of this channel joining now, and its chance of being answered within the
    /// service-level target; for no channel, the best over the queue's channels.
    /// </summary>
    [Alias("estimate"), ReadOnly]
    Task<Reply<NewContactEstimate>> EstimateForNewContact(Channel? channel);

    [Alias("stats"), ReadOnly]
    Task<QueueStats?> GetStats();

    /// <summary>An agent serving this queue reporting its state (one-way, newest wins).</summary>
    [Alias("member-changed"), OneWay]
    Task MemberChanged(QueueMember member, long memberVersion);

    [Alias("member-left"), OneWay]
    Task MemberLeft(string agentId);

    /// <summary>A handled contact's handle time and the wrap-up that follows it, feeding the queue's statistics and estimates.</summary>
    [Alias("handled"), OneWay]
    Task Handled(string contactId, Channel channel, TimeSpan handleTime, TimeSpan wrapUp);

    /// <summary>
    /// Tells <paramref name="watcher"/> of every change from now on (or renews its lease) and returns the queue's version as it
    /// is, so nothing between this read and the first notice is missed.
    /// </summary>
    [Alias("watch"), AlwaysInterleave]
    Task<long> Watch(IChangeObserver watcher);

    /// <summary>Stops telling <paramref name="watcher"/>.</summary>
    [Alias("unwatch"), AlwaysInterleave]
    Task Unwatch(IChangeObserver watcher);
}
