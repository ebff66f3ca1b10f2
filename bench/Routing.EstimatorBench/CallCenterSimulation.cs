using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>
/// A discrete-event simulation of a contact center whose routing decisions are Routing.Core's own: the waiting
/// list (order), agent selection (longest idle) on arrival, best-contact choice and cross-line choice when an agent
/// frees. Poisson arrivals (optionally with a daily cycle, by thinning), exponential handle times and patience.
/// Every contact that has to wait gets every estimator's prediction on arrival; those answered are scored.
/// </summary>
public sealed class CallCenterSimulation
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly Scenario scenario;
    private readonly Random random;
    private readonly WaitLearningOptions learning = WaitLearningOptions.Default;
    private readonly PriorityQueue<Action, (double At, long Sequence)> events = new();
    private readonly Dictionary<string, SimulatedLine> lines = new(StringComparer.Ordinal);
    private readonly List<SimulatedAgent> agents = [];
    private readonly Dictionary<string, SimulatedContact> waiting = new(StringComparer.Ordinal);
    private long sequence;
    private long contactCount;
    private double now;

    // Contacts arriving before this (the warm-up, while the learners start from nothing) are not scored.
    private double scoredFrom;

    public CallCenterSimulation(Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        this.scenario = scenario;
        random = new Random(seed);
        foreach (var group in scenario.Agents)
        {
            for (var i = 0; i < group.Count; i++)
            {
                var skills = group.Skills.ToDictionary(s => s, _ => 5, StringComparer.Ordinal);
                var lineIds = scenario.Lines.Where(l => group.Skills.Contains(l.Skill)).Select(l => l.LineId).ToList();
                agents.Add(new SimulatedAgent($"{group.Name}-{i}", skills, lineIds) { IdleSince = Start });
            }
        }

        foreach (var spec in scenario.Lines)
        {
            lines[spec.LineId] = new SimulatedLine(spec, [.. agents.Where(a => a.LineIds.Contains(spec.LineId))]);
        }
    }

    /// <summary>Scores per estimator over answers after the warm-up; <see cref="RouterScore"/> for the router's choice.</summary>
    public Dictionary<WaitEstimatorKind, EstimatorScore> Scores { get; } = Enum.GetValues<WaitEstimatorKind>().ToDictionary(k => k, _ => new EstimatorScore());

    public EstimatorScore RouterScore { get; } = new();

    public void Run(TimeSpan warmUp, TimeSpan scored)
    {
        scoredFrom = warmUp.TotalSeconds;
        var end = (warmUp + scored).TotalSeconds;
        foreach (var line in lines.Values)
        {
            line.Learner.StaffingChanged(Now, line.Members.Count, learning);
            ScheduleNextArrival(line);
        }

        while (events.TryDequeue(out var action, out var at) && at.At <= end)
        {
            now = at.At;
            action();
        }
    }

    private DateTimeOffset Now => Start.AddSeconds(now);

    private void Schedule(double at, Action action) => events.Enqueue(action, (at, sequence++));

    private double Exponential(double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static double RateAt(LineSpec spec, double seconds) =>
        spec.ArrivalsPerSecond * (1 + (spec.DailySwing * Math.Sin(2 * Math.PI * seconds / Day.TotalSeconds)));

    // Thinning: candidate arrivals at the peak rate, each kept with probability rate(t) / peak.
    private void ScheduleNextArrival(SimulatedLine line)
    {
        var peak = line.Spec.ArrivalsPerSecond * (1 + line.Spec.DailySwing);
        var at = now;
        do
        {
            at += Exponential(1 / peak);
        }
        while (random.NextDouble() > RateAt(line.Spec, at) / peak);

        Schedule(at, () => Arrive(line));
    }

    private void Arrive(SimulatedLine line)
    {
        ScheduleNextArrival(line);
        var contact = new SimulatedContact($"c{contactCount++}", line.Spec.LineId, Now);
        var free = AgentSelector.FreeEligible(line.Members.Where(a => !a.Busy).Select(a => a.AsMember()), Channel.Voice, line.Requirements);
        if (free.Count > 0)
        {
            var chosen = AgentSelector.Rank(AgentSelectionStrategy.LongestIdle, free, line.Requirements, null)[0];
            StartService(agents.First(a => a.AgentId == chosen.AgentId), line);
            return;
        }

        var head = line.Waiting.Waiting.FirstOrDefault();
        var situation = line.Learner.Situation(
            Now,
            line.Waiting.WaitingCount,
            head is null ? null : Now - head.EnqueuedAt,
            line.Members.Count,
            new WaitPriors(scenario.MeanHandleTime, scenario.MeanPatience),
            learning);
        contact.Predictions = EstimatorSelector.PredictAll(situation);
        contact.RouterPrediction = line.Selector.Estimate(situation);
        contact.Scored = now >= scoredFrom;
        line.Waiting.Add(new WaitingContact(contact.ContactId, Channel.Voice, ContactPriority.Default, line.Requirements, Now, contactCount));
        line.Learner.Joined(Now, learning);
        waiting[contact.ContactId] = contact;
        Schedule(now + Exponential(scenario.MeanPatience.TotalSeconds), () => Abandon(line, contact));
    }

    private void Abandon(SimulatedLine line, SimulatedContact contact)
    {
        if (waiting.Remove(contact.ContactId))
        {
            line.Waiting.Remove(contact.ContactId);
            line.Learner.Abandoned(Now, Now - contact.ArrivedAt, learning);
        }
    }

    private void StartService(SimulatedAgent agent, SimulatedLine line)
    {
        line.Learner.ServiceStarted(Now, learning);
        agent.Busy = true;
        agent.ServingLineId = line.Spec.LineId;
        agent.ServingSince = Now;
        Schedule(now + Exponential(scenario.MeanHandleTime.TotalSeconds), () => Complete(agent));
    }

    private void Complete(SimulatedAgent agent)
    {
        var served = lines[agent.ServingLineId!];
        served.Learner.Completed(Now, learning);
        agent.Busy = false;
        agent.IdleSince = Now;

        // The core's choice: each line's best contact for this agent, then the best across lines.
        var picks = new List<ContactPick>();
        foreach (var lineId in agent.LineIds)
        {
            if (lines[lineId].Waiting.BestFor(agent.WorkView, [], Now) is { } best)
            {
                picks.Add(new ContactPick(lineId, best.ContactId, best.Channel, 1, lines[lineId].Waiting.EffectivePriority(best, Now), best.EnqueuedAt));
            }
        }

        var ordered = CrossQueueSelector.Order(picks);
        if (ordered.Count == 0)
        {
            return;
        }

        var pick = ordered[0];
        var line = lines[pick.QueueId];
        var contact = waiting[pick.ContactId];
        waiting.Remove(pick.ContactId);
        line.Waiting.Remove(pick.ContactId);
        var waited = Now - contact.ArrivedAt;
        line.Learner.Answered(Now, waited, learning);
        line.Selector.Learn(contact.Predictions, waited);
        if (contact.Scored)
        {
            foreach (var (kind, predicted) in contact.Predictions)
            {
                Scores[kind].Add((predicted ?? TimeSpan.Zero).TotalSeconds, waited.TotalSeconds);
            }

            RouterScore.Add((contact.RouterPrediction ?? TimeSpan.Zero).TotalSeconds, waited.TotalSeconds);
        }

        StartService(agent, line);
    }
}
