namespace Routing.Grains;

/// <summary>
/// What a queue learns and counts, persisted apart from its line and written behind it (at most every
/// <see cref="RoutingGrainOptions.StatisticsFlushInterval"/>), so that no contact's write carries the statistics.
/// </summary>
public sealed class QueueStatisticsState
{
    /// <summary>Who was offered a contact last, for round-robin: lost in a crash, the rotation only restarts.</summary>
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
