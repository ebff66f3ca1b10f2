namespace Routing.Grains;

/// <summary>What a queue grain persists: configuration, the line in arrival order, members and counters.</summary>
public sealed class QueueState
{
    public QueueDefinition? Definition { get; set; }

    public List<QueuedContact> Contacts { get; set; } = [];

    public long NextSequence { get; set; }

    /// <summary>Agents that serve this queue, so their state can be asked for after the queue activates.</summary>
    public HashSet<string> MemberIds { get; set; } = [];

    public string? LastOfferedAgentId { get; set; }

    public long OffersMade { get; set; }

    public long Answered { get; set; }

    public long Abandoned { get; set; }

    /// <summary>Contacts handled, for the average handle time.</summary>
    public long Handled { get; set; }

    public double HandleSecondsTotal { get; set; }

    public SatisfactionTally Satisfaction { get; set; } = new();

    public QueueStatistics Statistics { get; set; } = new();

    /// <summary>What wait estimates learn, per channel (their agents and handle times differ).</summary>
    public Dictionary<Channel, LineWaitLearner> Learners { get; set; } = [];

    /// <summary>Which estimator has been most accurate lately, per channel.</summary>
    public Dictionary<Channel, EstimatorSelector> Selectors { get; set; } = [];
}
