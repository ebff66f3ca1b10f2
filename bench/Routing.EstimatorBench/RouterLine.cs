using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>
/// The router's wait estimation for one line, as the queue grain drives it: Routing.Core's learner and estimator
/// selector, told what happens on the line. Every call into the learner and selector is here, so a change of their
/// API changes this class only.
/// </summary>
public sealed class RouterLine(WaitPriors priors)
{
    private readonly LineWaitLearner learner = new();
    private readonly EstimatorSelector selector = new();
    private readonly WaitLearningOptions options = WaitLearningOptions.Default;

    public WaitPriors Priors { get; } = priors;

    /// <summary>A contact had to wait (no agent free for it) and joined the line.</summary>
    public void Joined(DateTimeOffset now) => learner.Joined(now, options);

    /// <summary>A waiting contact was answered; the selector scores what each estimator predicted for it on arrival.</summary>
    public void Answered(DateTimeOffset now, TimeSpan waited, bool bySharedAgent, RouterEstimate madeOnArrival)
    {
        ArgumentNullException.ThrowIfNull(madeOnArrival);
        learner.Answered(now, waited, bySharedAgent, options);
        selector.Learn(madeOnArrival.Predictions, waited);
    }

    /// <summary>A waiting contact gave up.</summary>
    public void Abandoned(DateTimeOffset now, TimeSpan waited) => learner.Abandoned(now, waited, options);

    /// <summary>A contact of the line started service, whether it waited or not.</summary>
    public void ServiceStarted(DateTimeOffset now) => learner.ServiceStarted(now, options);

    /// <summary>A contact of the line ended its service (the simulated agents have no wrap-up).</summary>
    public void Completed(DateTimeOffset now) => learner.Completed(now, TimeSpan.Zero, options);

    /// <summary>The line's able capacity changed: the agents logged in available and eligible, dedicated and shared.</summary>
    public void StaffingChanged(DateTimeOffset now, StaffedCapacity staffing) => learner.StaffingChanged(now, staffing, options);

    /// <summary>The router's prediction for a contact arriving now that must wait.</summary>
    /// <param name="ahead">Contacts of the line waiting ahead of it.</param>
    /// <param name="headOfLineWait">How long the first of them has waited; null when none waits.</param>
    /// <param name="staffing">Agents logged in available and eligible for the line, busy or not.</param>
    public RouterEstimate Estimate(DateTimeOffset now, int ahead, TimeSpan? headOfLineWait, StaffedCapacity staffing)
    {
        var situation = learner.Situation(now, ahead, headOfLineWait, staffing, Priors, options);
        return new RouterEstimate(EstimatorSelector.PredictAll(situation), selector.Estimate(situation));
    }
}
