namespace Routing.EstimatorBench;

/// <summary>A contact center to simulate, how its floor is computed, and what the router must reach against it.</summary>
/// <param name="Servers">Agents able to serve, as the table shows them.</param>
/// <param name="Load">Offered load per agent, lambda / (s·mu), as the table shows it.</param>
/// <param name="RouterTarget">The router's RASE must be at most this multiple of the floor's.</param>
/// <param name="HoursScale">Scored hours relative to the run's hours: more for small centers, whose hours hold fewer contacts.</param>
/// <param name="Swing">Part-time agents going on and off shift; null when staffing is constant.</param>
/// <param name="FreshLines">Independent fresh lines instead of one long run: each scored hour is a new line (empty, its
/// learner knowing only the priors) scored on its first hour, with no warm-up.</param>
/// <param name="ReplayCheck">Also replay a subsample's futures to check the Monte-Carlo floor against the analytic one.</param>
/// <param name="PatientProbes">A check, not a scored case: the replayed contacts are probes made infinitely patient,
/// as the replays assume, so the Monte-Carlo floor's mean must equal their mean actual wait where no formula is known.</param>
public sealed record Scenario(
    string Name,
    string Servers,
    string Load,
    IReadOnlyList<LineSpec> Lines,
    IReadOnlyList<AgentGroupSpec> Agents,
    FloorKind Floor,
    double RouterTarget,
    double HoursScale,
    StaffingSwing? Swing = null,
    bool FreshLines = false,
    bool ReplayCheck = false,
    bool PatientProbes = false);
