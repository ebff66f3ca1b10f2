using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>A contact in the simulation, with what every estimator predicted when it joined the line.</summary>
public sealed class SimulatedContact(string contactId, string lineId, DateTimeOffset arrivedAt)
{
    public string ContactId { get; } = contactId;

    public string LineId { get; } = lineId;

    public DateTimeOffset ArrivedAt { get; } = arrivedAt;

    public Dictionary<WaitEstimatorKind, TimeSpan?> Predictions { get; set; } = [];

    public TimeSpan? RouterPrediction { get; set; }

    public bool Scored { get; set; }
}
