namespace Routing.Core;

/// <summary>
/// Learns, online and in constant memory, what a line's wait estimates need, from the staffing it can see:
/// <list type="bullet">
/// <item>the per-agent service rate mu: completions per second an agent is taken by a contact (its service, counting
/// services still under way so early quick completions do not bias it, and its wrap-up);</item>
/// <item>how much of the agents it shares with other queues the line gets while its contacts wait: each shared agent
/// counts for 1/k of itself (k the queues it serves) times a multiplier learned from the answers shared agents gave
/// the line's waiting contacts, against the answers that nominal capacity would give;</item>
/// <item>the abandonment rate theta: abandonments per second of waiting, the maximum-likelihood estimate for
/// exponential patience, counting the waiting time of answered contacts too;</item>
/// <item>the recent waits the simple estimators use.</item>
/// </list>
/// The answer rate while contacts wait is then mu × (dedicated capacity + multiplier × nominal shared capacity), the
/// capacities those of the agents logged in and able now, so it follows a staffing change at once instead of
/// relearning it from answers. Each figure starts from the configured priors counted as
/// <see cref="WaitLearningOptions.PriorWeight"/> contacts and fades with its half-life.
/// <para>
/// While contacts wait, the rates are those learned up to the start of the backlog (retaken every
/// <see cref="WaitLearningOptions.BacklogRefresh"/> of a long one). The backlog's own completions, abandonments and
/// shared answers are what made it as long as it is: a run of slow completions both lowers a rate learned from them
/// and lengthens the line, so the contacts that wait would mostly be told waits from rates learned low, too long on
/// average (by 3 points of the mean wait in a fresh line's first hour). The future of a Markovian line does not
/// depend on how it got here; evidence from before the backlog is independent of the backlog, and its rates are not
/// biased by it.
/// </para>
/// </summary>
public sealed class LineWaitLearner
{
    /// <summary>Everything seen so far.</summary>
    public RateEvidence Evidence { get; set; } = new();

    /// <summary>The evidence as it was when the current backlog began (or was last retaken); null while nobody waits.</summary>
    public RateEvidence? BacklogEvidence { get; set; }

    public DateTimeOffset? BacklogEvidenceAt { get; set; }

    /// <summary>Contacts that had to wait and are still waiting.</summary>
    public int Waiting { get; set; }

    /// <summary>The line's contacts in service now.</summary>
    public int InService { get; set; }

    /// <summary>The able capacity last reported, of the agents logged in and able to take the line.</summary>
    public StaffedCapacity Staffing { get; set; } = StaffedCapacity.None;

    public DateTimeOffset? LastChange { get; set; }

    public TimeSpan? LastToEnterServiceWait { get; set; }

    /// <summary>Waits of recently answered contacts that had to wait, oldest first.</summary>
    public List<double> RecentWaitSeconds { get; set; } = [];

    /// <summary>A contact joined the line (it had to wait).</summary>
    public void Joined(DateTimeOffset now, WaitLearningOptions options)
    {
        Accrue(now, options);
        if (Waiting == 0)
        {
            TakeBacklogEvidence(now);
        }

        Waiting++;
    }

    /// <summary>A waiting contact was answered after <paramref name="waited"/>, by an agent serving other queues too or not.</summary>
    public void Answered(DateTimeOffset now, TimeSpan waited, bool bySharedAgent, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Accrue(now, options);
        if (bySharedAgent)
        {
            Evidence.SharedAnswersByLength[RateEvidence.Band(Math.Max(1, Waiting))].Add(1, now, options.HalfLife);
        }

        Left(now, waited, options);
        LastToEnterServiceWait = waited;
        RecentWaitSeconds.Add(waited.TotalSeconds);
        if (RecentWaitSeconds.Count > options.RecentWaits)
        {
            RecentWaitSeconds.RemoveRange(0, RecentWaitSeconds.Count - options.RecentWaits);
        }
    }

    /// <summary>A waiting contact gave up (or was otherwise removed unanswered) after <paramref name="waited"/>.</summary>
    public void Abandoned(DateTimeOffset now, TimeSpan waited, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Accrue(now, options);
        Evidence.Abandonments.Add(1, now, options.TraitHalfLife);
        Left(now, waited, options);
    }

    /// <summary>A contact of the line started service, whether it waited or not.</summary>
    public void ServiceStarted(DateTimeOffset now, WaitLearningOptions options)
    {
        Accrue(now, options);
        InService++;
    }

    /// <summary>
    /// A contact of the line ended its service; its agent's <paramref name="wrapUp"/> follows, booked now as time the
    /// contact took the agent (the half-life is hours: when within it does not matter).
    /// </summary>
    public void Completed(DateTimeOffset now, TimeSpan wrapUp, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Accrue(now, options);
        InService = Math.Max(0, InService - 1);
        Evidence.Completions.Add(1, now, options.TraitHalfLife);
        if (wrapUp > TimeSpan.Zero)
        {
            Evidence.ServiceSeconds.Add(wrapUp.TotalSeconds, now, options.TraitHalfLife);
        }
    }

    /// <summary>The able capacity for the line changed (an agent logged in, out, paused, or changed skills or queues).</summary>
    public void StaffingChanged(DateTimeOffset now, StaffedCapacity staffing, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        Accrue(now, options);
        Staffing = staffing;
    }

    /// <summary>The per-agent service rate (contacts per second of service), from the prior handle time and what was seen.</summary>
    public double PerAgentServiceRate(DateTimeOffset now, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var (evidence, underWay) = Basis(now);
        var seconds = evidence.ServiceSeconds.ValueAt(now, options.TraitHalfLife) + underWay;
        var completions = evidence.Completions.ValueAt(now, options.TraitHalfLife);
        return (completions + options.PriorWeight) / (seconds + (options.PriorWeight * priors.HandleTime.TotalSeconds));
    }

    /// <summary>
    /// How many times its nominal share (1/k of each shared agent) the line gets of its shared agents while its
    /// contacts wait: their answers to it over the answers that nominal capacity would give at the per-agent rate,
    /// at the line's length now (shrunk toward the figure over all lengths).
    /// </summary>
    public double SharedMultiplier(DateTimeOffset now, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mu = PerAgentServiceRate(now, priors, options);
        var (evidence, _) = Basis(now);
        var band = RateEvidence.Band(Math.Max(1, Waiting));
        var overallAnswers = evidence.SharedAnswersByLength.Sum(t => t.ValueAt(now, options.HalfLife));
        var overallSeconds = evidence.SharedCapacityByLength.Sum(t => t.ValueAt(now, options.HalfLife));
        var overall = (overallAnswers + options.PriorWeight) / ((mu * overallSeconds) + options.PriorWeight);
        var bandAnswers = evidence.SharedAnswersByLength[band].ValueAt(now, options.HalfLife);
        var bandSeconds = evidence.SharedCapacityByLength[band].ValueAt(now, options.HalfLife);
        return (bandAnswers + (options.PriorWeight * overall)) / ((mu * bandSeconds) + options.PriorWeight);
    }

    /// <summary>Answers per second while contacts wait with <paramref name="staffing"/> able: mu × (dedicated + multiplier × shared).</summary>
    public double ServiceRate(DateTimeOffset now, StaffedCapacity staffing, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        var shared = staffing.Shared > 0 ? staffing.Shared * SharedMultiplier(now, priors, options) : 0;
        return PerAgentServiceRate(now, priors, options) * (staffing.Dedicated + shared);
    }

    /// <summary>Abandonments per second of waiting (theta), from the prior patience and what was seen.</summary>
    public double AbandonmentRate(DateTimeOffset now, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var (evidence, _) = Basis(now);
        var abandonments = evidence.Abandonments.ValueAt(now, options.TraitHalfLife) + options.PriorWeight;
        return abandonments / (evidence.SecondsWaited.ValueAt(now, options.TraitHalfLife) + (options.PriorWeight * priors.Patience.TotalSeconds));
    }

    public TimeSpan? RecentAverageWait => RecentWaitSeconds.Count == 0 ? null : TimeSpan.FromSeconds(RecentWaitSeconds.Average());

    /// <summary>The situation of a contact with <paramref name="ahead"/> contacts ahead of it, for the estimators.</summary>
    public WaitSituation Situation(DateTimeOffset now, int ahead, TimeSpan? headOfLineWait, StaffedCapacity staffing, WaitPriors priors, WaitLearningOptions options) =>
        new(ahead, ServiceRate(now, staffing, priors, options), AbandonmentRate(now, priors, options), headOfLineWait, LastToEnterServiceWait, RecentAverageWait);

    /// <summary>
    /// The evidence the rates come from now, and the service seconds under way since the last change that it does not
    /// hold yet: the backlog's evidence (complete when taken) while contacts wait, else everything.
    /// </summary>
    private (RateEvidence Evidence, double UnderWaySeconds) Basis(DateTimeOffset now) =>
        Waiting > 0 && BacklogEvidence is { } atStart ? (atStart, 0) : (Evidence, InService * Pending(now));

    private void TakeBacklogEvidence(DateTimeOffset now)
    {
        BacklogEvidence = Evidence.Copy();
        BacklogEvidenceAt = now;
    }

    private void Left(DateTimeOffset now, TimeSpan waited, WaitLearningOptions options)
    {
        Evidence.SecondsWaited.Add(waited.TotalSeconds, now, options.TraitHalfLife);
        Waiting = Math.Max(0, Waiting - 1);
        if (Waiting == 0)
        {
            BacklogEvidence = null;
            BacklogEvidenceAt = null;
        }
    }

    private double Pending(DateTimeOffset now) => LastChange is { } since && now > since ? (now - since).TotalSeconds : 0;

    // Every change first books the time since the last one at the old counts, and retakes a long backlog's evidence.
    private void Accrue(DateTimeOffset now, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var elapsed = Pending(now);
        if (elapsed > 0)
        {
            if (InService > 0)
            {
                Evidence.ServiceSeconds.Add(InService * elapsed, now, options.TraitHalfLife);
            }

            if (Waiting > 0 && Staffing.Shared > 0)
            {
                Evidence.SharedCapacityByLength[RateEvidence.Band(Waiting)].Add(Staffing.Shared * elapsed, now, options.HalfLife);
            }
        }

        if (LastChange is not { } last || now > last)
        {
            LastChange = now;
        }

        if (Waiting > 0 && (BacklogEvidenceAt is not { } taken || now - taken >= options.BacklogRefresh))
        {
            TakeBacklogEvidence(now);
        }
    }
}
