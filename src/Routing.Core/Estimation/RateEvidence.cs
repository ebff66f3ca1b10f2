namespace Routing.Core;

/// <summary>
/// What a line's rates are learned from, as fading tallies: the service its contacts took and the completions, the
/// waiting and the abandonments, and the answers its shared agents gave its waiting contacts against the nominal
/// capacity they had, by the line's length.
/// </summary>
public sealed class RateEvidence
{
    /// <summary>Line lengths 1, 2–3, 4–7, ... 64 and more.</summary>
    public const int LengthBands = 7;

    /// <summary>Seconds the line's contacts took their agents: in service (all of them, waited or not) and wrap-up.</summary>
    public DecayingTally ServiceSeconds { get; set; } = new();

    public DecayingTally Completions { get; set; } = new();

    public DecayingTally Abandonments { get; set; } = new();

    /// <summary>Seconds waited by the contacts that left the line, answered or not.</summary>
    public DecayingTally SecondsWaited { get; set; } = new();

    /// <summary>Waiting contacts answered by agents that also serve other queues, by the line's length when they came.</summary>
    public List<DecayingTally> SharedAnswersByLength { get; set; } = NewBands();

    /// <summary>While contacts wait: seconds of nominal shared capacity (server-seconds), by the line's length.</summary>
    public List<DecayingTally> SharedCapacityByLength { get; set; } = NewBands();

    /// <summary>The band of a line <paramref name="length"/> long.</summary>
    public static int Band(int length) => Math.Min(LengthBands - 1, length <= 1 ? 0 : (int)Math.Log2(length));

    public RateEvidence Copy() => new()
    {
        ServiceSeconds = ServiceSeconds.Copy(),
        Completions = Completions.Copy(),
        Abandonments = Abandonments.Copy(),
        SecondsWaited = SecondsWaited.Copy(),
        SharedAnswersByLength = [.. SharedAnswersByLength.Select(t => t.Copy())],
        SharedCapacityByLength = [.. SharedCapacityByLength.Select(t => t.Copy())],
    };

    private static List<DecayingTally> NewBands() => [.. Enumerable.Range(0, LengthBands).Select(_ => new DecayingTally())];
}
