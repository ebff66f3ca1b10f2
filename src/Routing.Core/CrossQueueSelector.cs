namespace Routing.Core;

/// <summary>
/// How an agent serving several queues chooses among their best contacts: the agent's queue priority first
/// (a routing profile: its primary queue before its overflow queues), then effective priority, then longest wait.
/// </summary>
public static class CrossQueueSelector
{
    public static IReadOnlyList<ContactPick> Order(IEnumerable<ContactPick> picks)
    {
        ArgumentNullException.ThrowIfNull(picks);
        return picks
            .OrderBy(p => p.QueuePriority)
            .ThenByDescending(p => p.EffectivePriority)
            .ThenBy(p => p.EnqueuedAt)
            .ThenBy(p => p.QueueId, StringComparer.Ordinal)
            .ThenBy(p => p.ContactId, StringComparer.Ordinal)
            .ToList();
    }
}
