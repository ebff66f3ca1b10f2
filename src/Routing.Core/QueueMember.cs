namespace Routing.Core;

/// <summary>A queue's view of one agent that serves it, as last reported by the agent.</summary>
/// <param name="QueuePriority">The agent's priority for this queue: 1 is offered work first.</param>
/// <param name="IdleSince">When the agent last became free of all work; the longest-idle key.</param>
/// <param name="HeldInWrapUp">How many of the held contacts are in wrap-up (after-contact work).</param>
/// <param name="QueuesServed">How many queues the agent serves: above 1 its time is shared with other queues.</param>
public sealed record QueueMember(
    string AgentId,
    int QueuePriority,
    AgentPresence Presence,
    IReadOnlyDictionary<string, int> Skills,
    CapacityProfile Capacity,
    IReadOnlyList<Channel> Held,
    DateTimeOffset IdleSince,
    int HeldInWrapUp = 0,
    int QueuesServed = 1)
{
    public AgentWorkView WorkView => new(AgentId, Skills, Capacity, Held);

    public CapacityVerdict CanTake(Channel channel) => CapacityRules.Check(Capacity, Held, channel);

    /// <summary>
    /// Whether <paramref name="other"/> counts for the same able capacity: only its work held differs. Most member
    /// reports are of that kind (an offer, an answer, a completion), and need no staffing recount.
    /// </summary>
    public bool StaffsLike(QueueMember other) =>
        other is not null
        && Presence == other.Presence
        && QueuesServed == other.QueuesServed
        && SameEntries(Skills, other.Skills)
        && SameEntries(Capacity.Channels, other.Capacity.Channels);

    private static bool SameEntries<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> one, IReadOnlyDictionary<TKey, TValue> other) =>
        ReferenceEquals(one, other)
        || (one.Count == other.Count && one.All(e => other.TryGetValue(e.Key, out var value) && EqualityComparer<TValue>.Default.Equals(e.Value, value)));
}
