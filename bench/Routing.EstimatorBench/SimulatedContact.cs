namespace Routing.EstimatorBench;

/// <summary>A contact that had to wait, with every estimate made for it when it joined the line.</summary>
public sealed class SimulatedContact(string contactId, double arrivedAt, RouterEstimate router, double[] estimates)
{
    public string ContactId { get; } = contactId;

    /// <summary>Seconds on the simulation clock.</summary>
    public double ArrivedAt { get; } = arrivedAt;

    /// <summary>The router's predictions, for its selector to learn from when the contact is answered.</summary>
    public RouterEstimate Router { get; } = router;

    /// <summary>Seconds, indexed by <see cref="Estimator"/>; NaN where the case does not compute one.</summary>
    public double[] Estimates { get; } = estimates;

    /// <summary>The Monte-Carlo floor, for the replay check where the analytic floor is the case's floor.</summary>
    public double ReplayCheckFloor { get; set; } = double.NaN;

    /// <summary>The Monte-Carlo floor's own variance (s²/K), when it was computed.</summary>
    public double MonteCarloNoise { get; set; }

    /// <summary>Scored when answered: it arrived after the warm-up (and is in the subsample where replays are made).</summary>
    public bool Scored { get; set; }

    /// <summary>In the replay check's subsample (both the analytic and the Monte-Carlo floor computed).</summary>
    public bool ReplayChecked { get; set; }
}
