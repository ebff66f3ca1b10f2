namespace Routing.Grains;

/// <summary>
/// What a queue grain persists with every change of its line: configuration, the line in arrival order and its
/// members. What it counts and learns is in <see cref="QueueStatisticsState"/>.
/// </summary>
public sealed class QueueState
{
    public QueueDefinition? Definition { get; set; }

    public List<QueuedContact> Contacts { get; set; } = [];

    public long NextSequence { get; set; }

    /// <summary>Agents that serve this queue, so their state can be asked for after the queue activates.</summary>
    public HashSet<string> MemberIds { get; set; } = [];
}
