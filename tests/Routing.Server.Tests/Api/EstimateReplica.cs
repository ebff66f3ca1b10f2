using Routing.Core;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Routing.Core fed by hand with the events a test drives through the server (who is logged in, who joins, is
/// answered, gives up, is handled, at which time): what the queue's estimates must be, computed independently.
/// </summary>
public sealed class EstimateReplica(WaitPriors priors, TimeSpan serviceLevelTarget)
{
    private static readonly CapacityProfile Voice = CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true)));
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UnixEpoch;

    private readonly WaitLearningOptions learning = WaitLearningOptions.Default;
    private readonly LineWaitLearner learner = new();
    private readonly EstimatorSelector selector = new();
    private readonly Dictionary<string, QueueMember> members = new(StringComparer.Ordinal);
    private readonly List<(string ContactId, DateTimeOffset Joined, Dictionary<WaitEstimatorKind, TimeSpan?> Predictions)> line = [];

    /// <summary>An agent serving the queue, with one exclusive voice slot, is Available (or not) and busy (or not).</summary>
    public void Agent(string agentId, bool available, bool busy, DateTimeOffset now)
    {
        members[agentId] = new QueueMember(agentId, 1, available ? AgentPresence.Available : AgentPresence.NotReady, new Dictionary<string, int>(), Voice, busy ? [Channel.Voice] : [], LongAgo);
        learner.StaffingChanged(now, WaitOutlook.AbleCapacity(members.Values, Channel.Voice, []), learning);
    }

    /// <summary>A contact offered at once and accepted: it starts service without having waited.</summary>
    public void AnsweredAtOnce(DateTimeOffset now) => learner.ServiceStarted(now, learning);

    /// <summary>A contact that found no agent free joins the line, with every estimator's prediction.</summary>
    public void Joined(string contactId, DateTimeOffset now)
    {
        var situation = Outlook(now).Situation(line.Count + 1, Channel.Voice, [], HeadOfLineWait(now))!;
        line.Add((contactId, now, EstimatorSelector.PredictAll(situation)));
        learner.Joined(now, learning);
    }

    public void AnsweredFromLine(string contactId, DateTimeOffset now)
    {
        var waiting = line.Single(c => c.ContactId == contactId);
        line.Remove(waiting);
        learner.Answered(now, now - waiting.Joined, bySharedAgent: false, learning);
        selector.Learn(waiting.Predictions, now - waiting.Joined);
        learner.ServiceStarted(now, learning);
    }

    public void Abandoned(string contactId, DateTimeOffset now)
    {
        var waiting = line.Single(c => c.ContactId == contactId);
        line.Remove(waiting);
        learner.Abandoned(now, now - waiting.Joined, learning);
    }

    /// <summary>A contact's handling ended (the test's agents have no wrap-up).</summary>
    public void Handled(DateTimeOffset now) => learner.Completed(now, TimeSpan.Zero, learning);

    /// <summary>The estimate for the waiting contact <paramref name="contactId"/>.</summary>
    public TimeSpan? WaitOf(string contactId, DateTimeOffset now) =>
        Outlook(now).ExpectedWait(line.FindIndex(c => c.ContactId == contactId) + 1, Channel.Voice, [], HeadOfLineWait(now), selector);

    /// <summary>What a new caller is told: the expected wait and the chance of an answer within the target.</summary>
    public (TimeSpan? Wait, double Probability) ForNewCaller(DateTimeOffset now)
    {
        var outlook = Outlook(now);
        var place = line.Count + 1;
        if (place == 1 && outlook.AgentFreeFor(Channel.Voice, []))
        {
            return (TimeSpan.Zero, 1);
        }

        var situation = outlook.Situation(place, Channel.Voice, [], HeadOfLineWait(now))!;
        return (selector.Estimate(situation), WaitDistribution.ProbabilityWithin(situation.Ahead, situation.ServiceRate, situation.AbandonmentRate, serviceLevelTarget));
    }

    private WaitOutlook Outlook(DateTimeOffset now) => new([.. members.Values], learner, priors, learning, now);

    private TimeSpan? HeadOfLineWait(DateTimeOffset now) => line.Count == 0 ? null : now - line[0].Joined;
}
