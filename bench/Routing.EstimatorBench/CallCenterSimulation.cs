using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>
/// A discrete-event simulation of a contact center whose routing decisions are Routing.Core's own: the waiting
/// list (order), agent selection (longest idle) on arrival, best-contact choice and cross-line choice when an agent
/// frees. Poisson arrivals (optionally with a daily cycle, by thinning), exponential handle times and patience,
/// optionally part-time agents going on and off shift. Every contact that has to wait gets every estimate on
/// arrival, the floor's included; those answered after the warm-up are scored.
/// </summary>
public sealed class CallCenterSimulation
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly int EstimatorCount = Enum.GetValues<Estimator>().Length;

    private readonly Scenario scenario;
    private readonly ReplaySettings replaySettings;
    private readonly FastRandom random;

    // The replays draw from their own stream, so replaying never changes the traffic.
    private readonly FastRandom replayRandom;
    private readonly FutureReplay replay;
    private readonly double serviceRate = 1 / Scenarios.HandleTime.TotalSeconds;
    private readonly double abandonmentRate = 1 / Scenarios.Patience.TotalSeconds;
    private readonly PriorityQueue<Action, (double At, long Sequence)> events = new();
    private readonly List<SimulatedLine> lines = [];
    private readonly Dictionary<string, SimulatedLine> linesById = new(StringComparer.Ordinal);
    private readonly List<SimulatedAgent> agents = [];
    private readonly Dictionary<string, SimulatedAgent> agentsById = new(StringComparer.Ordinal);
    private long sequence;
    private long contactCount;
    private long waitedAfterWarmUp;
    private double now;
    private double scoredFrom;

    public CallCenterSimulation(Scenario scenario, ReplaySettings replaySettings, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(replaySettings);
        this.scenario = scenario;
        this.replaySettings = replaySettings;
        random = new FastRandom(seed);
        replayRandom = new FastRandom(FastRandom.Mix((long)seed, 1));

        // Lines and agents in id order: the order Routing.Core breaks ties in, and the replay's indices.
        foreach (var spec in scenario.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal))
        {
            var line = new SimulatedLine(spec, lines.Count, Scenarios.Priors);
            lines.Add(line);
            linesById[spec.LineId] = line;
        }

        var roster = scenario.Agents
            .SelectMany(group => Enumerable.Range(0, group.Count).Select(i => (Id: $"{group.Name}-{i}", Group: group)))
            .OrderBy(a => a.Id, StringComparer.Ordinal);
        foreach (var (id, group) in roster)
        {
            var skills = group.Skills.ToDictionary(s => s, _ => 5, StringComparer.Ordinal);
            var served = lines.Where(l => group.Skills.Contains(l.Spec.Skill)).Select(l => l.Index).ToList();
            var agent = new SimulatedAgent(id, agents.Count, skills, served, group.PartTime) { IdleSince = Start };
            agents.Add(agent);
            agentsById[id] = agent;
            foreach (var line in served)
            {
                lines[line].Members.Add(agent);
            }
        }

        replay = new FutureReplay(
            [.. agents.Select(a => a.LineIndices.Aggregate(0, (mask, line) => mask | (1 << line)))],
            lines.Count,
            serviceRate,
            abandonmentRate);
    }

    public CaseOutcome Outcome { get; } = new();

    public void Run(TimeSpan warmUp, TimeSpan scored)
    {
        scoredFrom = warmUp.TotalSeconds;
        var end = (warmUp + scored).TotalSeconds;
        foreach (var line in lines)
        {
            line.RefreshStaffing();
            line.Router.StaffingChanged(Now, line.Staffing);
            ScheduleNextArrival(line);
        }

        if (scenario.Swing is { } swing)
        {
            Schedule(swing.Period.TotalSeconds, () => ChangeShift(swing, 1));
        }

        while (events.TryDequeue(out var action, out var at) && at.At <= end)
        {
            now = at.At;
            action();
        }
    }

    private DateTimeOffset Now => Start.AddSeconds(now);

    private void Schedule(double at, Action action) => events.Enqueue(action, (at, sequence++));

    private static double RateAt(LineSpec spec, double seconds) =>
        spec.ArrivalsPerSecond * (1 + (spec.DailySwing * Math.Sin(2 * Math.PI * seconds / Day.TotalSeconds)));

    // Thinning: candidate arrivals at the peak rate, each kept with probability rate(t) / peak.
    private void ScheduleNextArrival(SimulatedLine line)
    {
        var peak = line.Spec.ArrivalsPerSecond * (1 + line.Spec.DailySwing);
        var at = now;
        do
        {
            at += random.Exponential(peak);
        }
        while (random.NextDouble() > RateAt(line.Spec, at) / peak);

        Schedule(at, () => Arrive(line));
    }

    private void ChangeShift(StaffingSwing swing, long period)
    {
        Schedule((period + 1) * swing.Period.TotalSeconds, () => ChangeShift(swing, period + 1));
        var onShift = period % 2 == 0;
        var partTimers = agents.Where(a => a.PartTime).ToList();
        foreach (var agent in partTimers)
        {
            agent.OnShift = onShift;
        }

        foreach (var line in lines)
        {
            line.RefreshStaffing();
            line.Router.StaffingChanged(Now, line.Staffing);
        }

        // Coming on shift, a free agent takes the oldest waiting contact at once.
        foreach (var agent in partTimers.Where(a => onShift && !a.Busy))
        {
            ServeNext(agent);
        }
    }

    private void Arrive(SimulatedLine line)
    {
        ScheduleNextArrival(line);
        var contactId = $"c{contactCount++}";
        var afterWarmUp = now >= scoredFrom;
        Outcome.Arrived += afterWarmUp ? 1 : 0;
        var free = AgentSelector.FreeEligible(line.Members.Where(a => !a.Busy).Select(a => a.AsMember()), Channel.Voice, line.Requirements);
        if (free.Count > 0)
        {
            var chosen = AgentSelector.Rank(AgentSelectionStrategy.LongestIdle, free, line.Requirements, null)[0];
            StartService(agentsById[chosen.AgentId], line, now);
            return;
        }

        var contact = Join(line, contactId, afterWarmUp);
        line.Waiting.Add(new WaitingContact(contactId, Channel.Voice, ContactPriority.Default, line.Requirements, Now, contactCount));
        line.Contacts[contactId] = contact;
        line.Router.Joined(Now);
        var patience = random.Exponential(abandonmentRate);
        if (!(scenario.PatientProbes && contact.Scored))
        {
            Schedule(now + patience, () => Abandon(line, contact));
        }
    }

    // Every estimate for a contact that has to wait, made before it joins: n = the contacts of its line waiting ahead.
    private SimulatedContact Join(SimulatedLine line, string contactId, bool afterWarmUp)
    {
        var ahead = line.Waiting.WaitingCount;
        var head = line.Waiting.Waiting.FirstOrDefault();
        double? headWait = head is null ? null : now - line.Contacts[head.ContactId].ArrivedAt;
        var servers = line.OnShift;
        var router = line.Router.Estimate(Now, ahead, headWait is { } w ? TimeSpan.FromSeconds(w) : null, line.Staffing);

        var estimates = new double[EstimatorCount];
        Array.Fill(estimates, double.NaN);
        estimates[(int)Estimator.Router] = router.ChosenSeconds;
        estimates[(int)Estimator.RouterQueueLengthWithAbandonment] = router.Seconds(WaitEstimatorKind.QueueLengthWithAbandonment);
        estimates[(int)Estimator.RouterQueueLength] = router.Seconds(WaitEstimatorKind.QueueLength);
        estimates[(int)Estimator.LastToEnterService] = router.Seconds(WaitEstimatorKind.LastToEnterService);
        estimates[(int)Estimator.MovingAverage] = router.Seconds(WaitEstimatorKind.MovingAverage);
        estimates[(int)Estimator.HeadOfLine] = headWait ?? 0;
        estimates[(int)Estimator.LastToEnterServiceWithZeros] = line.History.LastToEnterServiceSeconds;
        estimates[(int)Estimator.AsteriskHoldTime] = line.History.Asterisk.HoldTime;
        estimates[(int)Estimator.OmniChannel] = line.History.OmniChannel.Estimate(now);
        if (scenario.Floor == FloorKind.Analytic)
        {
            estimates[(int)Estimator.Floor] = OptimalWait.QueueLengthWithAbandonment(ahead, servers, serviceRate, abandonmentRate);
            estimates[(int)Estimator.QueueLengthTrue] = OptimalWait.QueueLength(ahead, servers, serviceRate);
        }

        var contact = new SimulatedContact(contactId, now, router, estimates);
        if (!afterWarmUp)
        {
            return contact;
        }

        var replayed = waitedAfterWarmUp++ % replaySettings.Stride == 0;
        Outcome.Waited++;
        if (scenario.Floor == FloorKind.MonteCarlo)
        {
            contact.Scored = replayed;
            if (replayed)
            {
                (estimates[(int)Estimator.MonteCarloFloor], contact.MonteCarloNoise) = ReplayFuture(line);
            }
        }
        else
        {
            contact.Scored = true;
            if (scenario.ReplayCheck && replayed)
            {
                contact.ReplayChecked = true;
                (contact.ReplayCheckFloor, contact.MonteCarloNoise) = ReplayFuture(line);
            }
        }

        return contact;
    }

    // The snapshot of the whole state, then K futures from it: the mean answer time and its own variance s²/K.
    private (double Mean, double Noise) ReplayFuture(SimulatedLine scored)
    {
        foreach (var agent in agents)
        {
            replay.SetAgent(agent.Index, agent.Busy, agent.OnShift, (agent.IdleSince - Start).TotalSeconds);
        }

        replay.ClearQueues();
        foreach (var line in lines)
        {
            replay.SetArrivalRate(line.Index, RateAt(line.Spec, now));
            foreach (var waiting in line.Waiting.Waiting)
            {
                replay.Enqueue(line.Index, line.Contacts[waiting.ContactId].ArrivedAt);
            }
        }

        var (mean, variance) = replay.Replay(replayRandom, replaySettings.Replays, scored.Index, now);
        return (mean, variance / replaySettings.Replays);
    }

    private void Abandon(SimulatedLine line, SimulatedContact contact)
    {
        if (line.Contacts.Remove(contact.ContactId))
        {
            line.Waiting.Remove(contact.ContactId);
            line.Router.Abandoned(Now, TimeSpan.FromSeconds(now - contact.ArrivedAt));
        }
    }

    private void StartService(SimulatedAgent agent, SimulatedLine line, double arrivedAt)
    {
        agent.Busy = true;
        agent.ServingLine = line.Index;
        line.Router.ServiceStarted(Now);
        line.History.ServiceStarted(arrivedAt, now);
        Schedule(now + random.Exponential(serviceRate), () => Complete(agent));
    }

    private void Complete(SimulatedAgent agent)
    {
        lines[agent.ServingLine].Router.Completed(Now);
        agent.Busy = false;
        agent.ServingLine = -1;
        agent.IdleSince = Now;
        if (agent.OnShift)
        {
            ServeNext(agent);
        }
    }

    // The core's choice: each line's best contact for this agent, then the best across lines.
    private void ServeNext(SimulatedAgent agent)
    {
        var picks = new List<ContactPick>();
        foreach (var index in agent.LineIndices)
        {
            var waiting = lines[index].Waiting;
            if (waiting.BestFor(agent.WorkView, [], Now) is { } best)
            {
                picks.Add(new ContactPick(lines[index].Spec.LineId, best.ContactId, best.Channel, 1, waiting.EffectivePriority(best, Now), best.EnqueuedAt));
            }
        }

        var ordered = CrossQueueSelector.Order(picks);
        if (ordered.Count == 0)
        {
            return;
        }

        var pick = ordered[0];
        var line = linesById[pick.QueueId];
        var contact = line.Contacts[pick.ContactId];
        line.Contacts.Remove(pick.ContactId);
        line.Waiting.Remove(pick.ContactId);
        var waited = now - contact.ArrivedAt;
        line.Router.Answered(Now, TimeSpan.FromSeconds(waited), agent.Shared, contact.Router);
        Score(contact, waited);
        StartService(agent, line, contact.ArrivedAt);
    }

    private void Score(SimulatedContact contact, double waited)
    {
        if (contact.Scored)
        {
            for (var i = 0; i < EstimatorCount; i++)
            {
                if (!double.IsNaN(contact.Estimates[i]))
                {
                    Outcome.Tallies[i].Add(contact.Estimates[i], waited, i == (int)Estimator.MonteCarloFloor ? contact.MonteCarloNoise : 0);
                }
            }
        }

        if (contact.ReplayChecked)
        {
            Outcome.CheckAnalytic.Add(contact.Estimates[(int)Estimator.Floor], waited);
            Outcome.CheckMonteCarlo.Add(contact.ReplayCheckFloor, waited, contact.MonteCarloNoise);
        }
    }
}
