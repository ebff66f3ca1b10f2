namespace Routing.Grains;

/// <summary>
/// What a queue grain persists as its state, written only when it is configured or its members change. Its line is
/// stored one entry per contact (<see cref="IGrainEntryStorage"/>, state name <see cref="QueueGrain.LineEntries"/>);
/// what it counts and learns is in <see cref="QueueStatisticsState"/>.
/// </summary>
public sealed class QueueState
{
    public QueueDefinition? Definition { get; set; }

    /// <summary>Only in rows written before the line moved to entries: moved to them when the queue activates.</summary>
    public List<QueuedContact>? Contacts { get; set; }

    /// <summary>Agents that serve this queue, so their state can be asked for after the queue activates.</summary>
    public HashSet<string> MemberIds { get; set; } = [];
}
