namespace Routing.Core;

/// <summary>
/// A line's wait outlook for one place in it: who could serve a contact there, what the estimators see, and the
/// wait they expect. The queue supplies its members, its line's head and what it has learned.
/// </summary>
/// <param name="Members">The agents serving the queue, as the queue last heard of them.</param>
/// <param name="Learner">What the line has learned for the channel (answer rate, patience, recent waits).</param>
/// <param name="Priors">The queue's configured handle time and patience, where the learner starts from.</param>
/// <param name="Learning">How the learner weighs what it saw.</param>
/// <param name="Now">The time the outlook is for.</param>
public sealed record WaitOutlook(
    IReadOnlyCollection<QueueMember> Members,
    LineWaitLearner Learner,
    WaitPriors Priors,
    WaitLearningOptions Learning,
    DateTimeOffset Now)
{
    /// <summary>
    /// What the estimators see at <paramref name="place"/>: null when no agent able to serve is logged in available
    /// (no bound). Each able agent counts for its concurrent capacity on the channel, busy or not (a shared one for its
    /// nominal share): the learner turns that capacity into an answer rate. With an agent free right now,
    /// the first in line is about to be offered: one fewer answer to wait for.
    /// </summary>
    /// <param name="place">1-based place in line.</param>
    /// <param name="channel">The contact's channel.</param>
    /// <param name="requirements">The skills the contact needs.</param>
    /// <param name="headOfLineWait">How long the first contact of the channel in line has waited; null when none waits.</param>
    public WaitSituation? Situation(int place, Channel channel, IReadOnlyList<SkillRequirement> requirements, TimeSpan? headOfLineWait)
    {
        var able = Able(Members, requirements);
        var staffing = StaffedCapacity.Of(able, channel);
        if (staffing.Total <= 0)
        {
            return null;
        }

        var ahead = Math.Max(0, place - 1 - (able.Any(m => m.CanTake(channel) == CapacityVerdict.Free) ? 1 : 0));
        return Learner.Situation(Now, ahead, headOfLineWait, staffing, Priors, Learning);
    }

    /// <summary>The capacity on <paramref name="channel"/> of the members logged in available and able to serve.</summary>
    public static StaffedCapacity AbleCapacity(IEnumerable<QueueMember> members, Channel channel, IReadOnlyList<SkillRequirement> requirements) =>
        StaffedCapacity.Of(Able(members, requirements), channel);

    private static List<QueueMember> Able(IEnumerable<QueueMember> members, IReadOnlyList<SkillRequirement> requirements) =>
        [.. members.Where(m => m.Presence == AgentPresence.Available && Eligibility.IsEligible(m.Skills, requirements))];

    /// <summary>Whether an agent able to serve the contact is free right now.</summary>
    public bool AgentFreeFor(Channel channel, IReadOnlyList<SkillRequirement> requirements) =>
        AgentSelector.FreeEligible(Members, channel, requirements).Count > 0;

    /// <summary>
    /// The expected wait at <paramref name="place"/> by the estimator that has been most accurate here lately (zero
    /// when first in line with an agent free); null when nobody able to serve is logged in available.
    /// </summary>
    public TimeSpan? ExpectedWait(int place, Channel channel, IReadOnlyList<SkillRequirement> requirements, TimeSpan? headOfLineWait, EstimatorSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (place <= 1 && AgentFreeFor(channel, requirements))
        {
            return TimeSpan.Zero;
        }

        return Situation(place, channel, requirements, headOfLineWait) is { } situation ? selector.Estimate(situation) : null;
    }
}
