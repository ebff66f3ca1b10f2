using Xunit.Sdk;

namespace Routing.Core.Tests;

/// <summary>
/// A small contact center built only from the core types: queues with a <see cref="WaitingList"/>, agents with an
/// <see cref="AgentWorkload"/>, driven by random operations from one seed. The simulation keeps its own record of
/// where every contact should be and, after every step, checks the core's state against it and against the
/// capacity profiles directly, so a bug in the core's own checks cannot hide itself.
/// </summary>
internal sealed class ContactCenterSimulation
{
    private static readonly string[] SkillNames = ["billing", "sales", "spanish"];
    private static readonly Channel[] AllChannels = [Channel.Voice, Channel.Chat, Channel.Email];
    private static readonly AgentSelectionStrategy[] Strategies =
    [
        AgentSelectionStrategy.LongestIdle,
        AgentSelectionStrategy.BestProficiency,
        AgentSelectionStrategy.LeastOccupied,
        AgentSelectionStrategy.RoundRobin,
    ];

    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(20);

    private readonly int seed;
    private readonly Random random;
    private readonly List<SimQueue> queues = [];
    private readonly List<SimAgent> agents = [];
    private readonly Dictionary<string, SimContact> contacts = new(StringComparer.Ordinal);

    // Contacts that have arrived and not ended, in arrival order, so random picks are reproducible from the seed.
    private readonly List<SimContact> live = [];
    private DateTimeOffset now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private long sequence;
    private int step;
    private string operation = "setup";

    public ContactCenterSimulation(int seed)
    {
        this.seed = seed;
        random = new Random(seed);
        var queueCount = random.Next(2, 4);
        for (var q = 0; q < queueCount; q++)
        {
            queues.Add(NewQueue($"q{q}"));
        }

        var agentCount = random.Next(3, 7);
        for (var a = 0; a < agentCount; a++)
        {
            agents.Add(NewAgent($"agent-{a}"));
        }
    }

    public int Arrived => contacts.Count;

    public int Ended { get; private set; }

    public int OffersMade { get; private set; }

    public int OffersReturned { get; private set; }

    public int Completed { get; private set; }

    public void Run(int steps)
    {
        try
        {
            CheckInvariants();
            for (step = 1; step <= steps; step++)
            {
                now += TimeSpan.FromMilliseconds(random.Next(0, 20_000));
                RandomStep();
                CheckInvariants();
            }
        }
        catch (Exception ex) when (ex is not XunitException)
        {
            throw new XunitException($"{Context}: unexpected {ex}");
        }
    }

    private string Context => $"seed {seed}, step {step} ({operation})";

    private void RandomStep()
    {
        var roll = random.Next(100);
        switch (roll)
        {
            case < 25: Arrive(); break;
            case < 40: FreeAgentPulls(); break;
            case < 53: AcceptOffer(); break;
            case < 61: RejectOrExpireOffer(); break;
            case < 72: Complete(); break;
            case < 79: EndWrapUp(); break;
            case < 86: Cancel(); break;
            case < 91: ChangePresence(); break;
            case < 96: ProbeCapacity(); break;
            default: WrongPhaseTransition(); break;
        }
    }

    private void Arrive()
    {
        var queue = queues[random.Next(queues.Count)];
        var channel = AllChannels[random.Next(AllChannels.Length)];
        var requirements = SkillNames
            .Where(_ => random.Next(3) == 0)
            .Select(s => new SkillRequirement(s, random.Next(1, 9)))
            .ToList();
        var contact = new WaitingContact(
            $"c{contacts.Count + 1}", channel, random.Next(ContactPriority.Min, ContactPriority.Max + 1), requirements, now, ++sequence);
        operation = $"arrive {contact.ContactId} {channel} in {queue.Id}";

        queue.List.Add(contact);
        var sim = new SimContact(contact.ContactId, queue.Id, channel);
        contacts.Add(sim.ContactId, sim);
        live.Add(sim);

        var members = MembersOf(queue);
        var candidates = AgentSelector.FreeEligible(members, channel, requirements);
        var expectedCandidates = members
            .Where(m => m.Presence == AgentPresence.Available
                && OracleCanTake(Agent(m.AgentId).Workload, channel)
                && OracleEligible(m.Skills, requirements))
            .Select(m => m.AgentId)
            .ToList();
        Require(
            candidates.Select(c => c.AgentId).SequenceEqual(expectedCandidates),
            $"FreeEligible gave [{string.Join(", ", candidates.Select(c => c.AgentId))}], expected [{string.Join(", ", expectedCandidates)}]");

        var ranked = AgentSelector.Rank(queue.Strategy, candidates, requirements, queue.LastRoundRobin);
        Require(
            ranked.Select(r => r.AgentId).Order(StringComparer.Ordinal).SequenceEqual(expectedCandidates.Order(StringComparer.Ordinal)),
            "Rank is not a permutation of the candidates");
        if (ranked.Count == 0)
        {
            return;
        }

        var best = candidates.Single(c => c.AgentId == ranked[0].AgentId);
        var expectedBest = OracleFirstChoice(queue.Strategy, candidates, requirements, queue.LastRoundRobin);
        Require(
            best.AgentId == expectedBest,
            $"{queue.Strategy} ranked {best.AgentId} first, expected {expectedBest} ({ranked[0].Reason})");
        Offer(queue, contact.ContactId, Agent(best.AgentId));
        if (queue.Strategy == AgentSelectionStrategy.RoundRobin)
        {
            queue.LastRoundRobin = best.AgentId;
        }
    }

    private void FreeAgentPulls()
    {
        var available = agents.Where(a => a.Presence == AgentPresence.Available).ToList();
        if (available.Count == 0)
        {
            operation = "pull (nobody available)";
            return;
        }

        var agent = available[random.Next(available.Count)];
        operation = $"{agent.Id} pulls";
        Pull(agent);
    }

    /// <summary>The agent takes the best waiting contact across the queues it serves, as long as it has room.</summary>
    private void Pull(SimAgent agent)
    {
        // An agent with concurrent capacity may take several contacts in a row; each pull sees the work already taken.
        for (var taken = 0; taken < 6; taken++)
        {
            var picks = new List<ContactPick>();
            foreach (var (queueId, queuePriority) in agent.Memberships)
            {
                var queue = Queue(queueId);
                var best = queue.List.BestFor(agent.WorkView, queue.Relaxation, now);
                CheckBestFor(queue, agent, best);
                if (best is not null)
                {
                    picks.Add(new ContactPick(
                        queueId, best.ContactId, best.Channel, queuePriority, queue.List.EffectivePriority(best, now), best.EnqueuedAt));
                }
            }

            var ordered = CrossQueueSelector.Order(picks);
            if (ordered.Count == 0)
            {
                return;
            }

            var chosen = ordered[0];
            var better = picks.Find(p => p.QueuePriority < chosen.QueuePriority
                || (p.QueuePriority == chosen.QueuePriority && p.EffectivePriority > chosen.EffectivePriority)
                || (p.QueuePriority == chosen.QueuePriority && p.EffectivePriority == chosen.EffectivePriority && p.EnqueuedAt < chosen.EnqueuedAt));
            Require(better is null, $"CrossQueueSelector chose {chosen.ContactId} from {chosen.QueueId} over {better?.ContactId} from {better?.QueueId}");
            Offer(Queue(chosen.QueueId), chosen.ContactId, agent);
        }
    }

    private void AcceptOffer()
    {
        var contact = PickLive(ContactState.Offered);
        if (contact is null)
        {
            operation = "accept (nothing offered)";
            return;
        }

        operation = $"{contact.AgentId} accepts {contact.ContactId}";
        var agent = Agent(contact.AgentId!);
        var connected = agent.Workload.Accept(contact.ContactId, now);
        Require(connected.Phase == AssignmentPhase.Connected, "accepted assignment is not connected");
        var removed = Queue(contact.QueueId).List.Remove(contact.ContactId);
        Require(removed?.OfferedTo == agent.Id, $"waiting-list entry of an accepted contact was offered to '{removed?.OfferedTo}'");
        contact.State = ContactState.Connected;
    }

    private void RejectOrExpireOffer()
    {
        var contact = PickLive(ContactState.Offered);
        if (contact is null)
        {
            operation = "reject (nothing offered)";
            return;
        }

        operation = $"{contact.AgentId} rejects {contact.ContactId}";
        var agent = Agent(contact.AgentId!);
        var list = Queue(contact.QueueId).List;
        var placeBefore = IndexIn(list.All, contact.ContactId);

        var other = agents.FirstOrDefault(a => a != agent);
        Require(other is null || !list.Return(contact.ContactId, other.Id), "an agent returned an offer it does not hold");
        Require(!list.TryOffer(contact.ContactId, agent.Id), "an offered contact was offered again");

        agent.Workload.ReleaseOffer(contact.ContactId);
        Require(list.Return(contact.ContactId, agent.Id), "the agent holding the offer could not return it");
        Require(IndexIn(list.All, contact.ContactId) == placeBefore, "a returned contact did not get its place back");
        NoteIfIdle(agent);

        // A missed offer puts the agent in NotReady, as the design asks.
        agent.Presence = AgentPresence.NotReady;
        OffersReturned++;
        contact.State = ContactState.Waiting;
        contact.AgentId = null;
    }

    private void Complete()
    {
        var contact = PickLive(ContactState.Connected);
        if (contact is null)
        {
            operation = "complete (nothing connected)";
            return;
        }

        var wrapUp = random.Next(2) == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(random.Next(1, 60));
        operation = $"{contact.AgentId} completes {contact.ContactId} with {wrapUp.TotalSeconds} s wrap-up";
        var agent = Agent(contact.AgentId!);
        agent.Workload.Complete(contact.ContactId, now, wrapUp);
        Completed++;
        if (wrapUp > TimeSpan.Zero)
        {
            contact.State = ContactState.WrapUp;
            return;
        }

        EndContact(contact);
        NoteIfIdle(agent);
    }

    private void EndWrapUp()
    {
        var contact = PickLive(ContactState.WrapUp);
        if (contact is null)
        {
            operation = "end wrap-up (nobody in wrap-up)";
            return;
        }

        operation = $"{contact.AgentId} ends wrap-up of {contact.ContactId}";
        var agent = Agent(contact.AgentId!);
        agent.Workload.EndWrapUp(contact.ContactId);
        EndContact(contact);
        NoteIfIdle(agent);
    }

    private void Cancel()
    {
        var cancellable = live.Where(c => c.State is ContactState.Waiting or ContactState.Offered).ToList();
        if (cancellable.Count == 0)
        {
            operation = "cancel (nothing waiting)";
            return;
        }

        var contact = cancellable[random.Next(cancellable.Count)];
        operation = $"cancel {contact.State} {contact.ContactId}";
        if (contact.State == ContactState.Offered)
        {
            var agent = Agent(contact.AgentId!);
            agent.Workload.ReleaseOffer(contact.ContactId);
            NoteIfIdle(agent);
        }

        var removed = Queue(contact.QueueId).List.Remove(contact.ContactId);
        Require(removed is not null, "a cancelled contact was not in its queue");
        EndContact(contact);
    }

    private void ChangePresence()
    {
        var agent = agents[random.Next(agents.Count)];
        if (agent.Presence == AgentPresence.Available)
        {
            agent.Presence = random.Next(10) < 7 ? AgentPresence.NotReady : AgentPresence.LoggedOut;
            operation = $"{agent.Id} becomes {agent.Presence}";
            return;
        }

        // Becoming available is a moment the agent frees capacity: it pulls waiting work at once.
        agent.Presence = AgentPresence.Available;
        operation = $"{agent.Id} becomes Available and pulls";
        Pull(agent);
    }

    /// <summary>Asks an agent to reserve a random channel and compares the outcome with the profile read directly.</summary>
    private void ProbeCapacity()
    {
        var agent = agents[random.Next(agents.Count)];
        var channel = AllChannels[random.Next(AllChannels.Length)];
        operation = $"probe {agent.Id} for {channel}";
        var allowed = OracleCanTake(agent.Workload, channel);
        Require(
            (agent.Workload.CanTake(channel) == CapacityVerdict.Free) == allowed,
            $"CanTake said {agent.Workload.CanTake(channel)} but the profile {(allowed ? "allows" : "forbids")} it");
        var before = Snapshot(agent.Workload);
        try
        {
            agent.Workload.Reserve("probe", "q-probe", channel, now, now + OfferTimeout);
        }
        catch (RoutingRuleException refused)
        {
            Require(!allowed, $"Reserve refused work the profile allows: {refused.Message}");
            Require(refused.Violation == RuleViolation.FailedPrecondition, $"refusal was {refused.Violation}");
            Require(Snapshot(agent.Workload).SequenceEqual(before), "a refused Reserve changed the workload");
            return;
        }

        Require(allowed, "Reserve granted work the profile forbids");
        agent.Workload.ReleaseOffer("probe");
        Require(Snapshot(agent.Workload).SequenceEqual(before), "reserve then release did not restore the workload");
    }

    private void WrongPhaseTransition()
    {
        var holding = agents.Where(a => !a.Workload.IsIdle).ToList();
        if (holding.Count == 0)
        {
            operation = "wrong-phase transition (nobody holds work)";
            return;
        }

        var agent = holding[random.Next(holding.Count)];
        var assignments = agent.Workload.Assignments.ToList();
        var assignment = assignments[random.Next(assignments.Count)];
        string[] wrong = assignment.Phase switch
        {
            AssignmentPhase.Offered => ["complete", "end-wrap-up", "reserve-again"],
            AssignmentPhase.Connected => ["accept", "end-wrap-up", "release", "reserve-again"],
            _ => ["accept", "complete", "release", "reserve-again"],
        };
        var attempt = wrong[random.Next(wrong.Length)];
        operation = $"{agent.Id} tries {attempt} on {assignment.Phase} {assignment.ContactId}";
        var before = Snapshot(agent.Workload);
        var refused = false;
        try
        {
            _ = attempt switch
            {
                "accept" => agent.Workload.Accept(assignment.ContactId, now),
                "complete" => agent.Workload.Complete(assignment.ContactId, now, TimeSpan.FromSeconds(5)),
                "end-wrap-up" => agent.Workload.EndWrapUp(assignment.ContactId),
                "release" => agent.Workload.ReleaseOffer(assignment.ContactId),
                _ => agent.Workload.Reserve(assignment.ContactId, assignment.QueueId, assignment.Channel, now, now + OfferTimeout),
            };
        }
        catch (RoutingRuleException error) when (error.Violation == RuleViolation.FailedPrecondition)
        {
            refused = true;
        }

        Require(refused, "a transition from the wrong phase was not refused");
        Require(Snapshot(agent.Workload).SequenceEqual(before), "a refused transition changed the workload");
    }

    private void Offer(SimQueue queue, string contactId, SimAgent agent)
    {
        var contact = contacts[contactId];
        Require(
            OracleCanTake(agent.Workload, contact.Channel),
            $"selected {agent.Id} for {contact.Channel} {contactId} although its profile has no room");
        agent.Workload.Reserve(contactId, queue.Id, contact.Channel, now, now + OfferTimeout);
        Require(queue.List.TryOffer(contactId, agent.Id), $"TryOffer of waiting {contactId} to {agent.Id} failed");
        contact.State = ContactState.Offered;
        contact.AgentId = agent.Id;
        OffersMade++;
    }

    /// <summary>BestFor must return the first waiting contact, in service order, that the agent can take now.</summary>
    private void CheckBestFor(SimQueue queue, SimAgent agent, WaitingContact? best)
    {
        WaitingContact? expected = null;
        foreach (var contact in queue.List.Waiting)
        {
            if (OracleCanTake(agent.Workload, contact.Channel)
                && OracleEligible(agent.Skills, WaitingList.RequirementsAt(contact, queue.Relaxation, now)))
            {
                expected = contact;
                break;
            }
        }

        Require(
            best?.ContactId == expected?.ContactId,
            $"BestFor({agent.Id}) in {queue.Id} gave '{best?.ContactId}', expected '{expected?.ContactId}'");
    }

    // The checks below run after every step over every contact, so a message is only built once a check fails.
    private void CheckInvariants()
    {
        foreach (var agent in agents)
        {
            CheckCapacity(agent);
        }

        // Where the core says each contact is: waiting in a queue, or held by an agent.
        var places = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        void Record(string contactId, Place place)
        {
            if (!places.TryGetValue(contactId, out var list))
            {
                places[contactId] = list = [];
            }

            list.Add(place);
        }

        foreach (var queue in queues)
        {
            CheckWaitingList(queue);
            foreach (var entry in queue.List.All)
            {
                if (entry.OfferedTo is null)
                {
                    Record(entry.ContactId, new Place(ContactState.Waiting, queue.Id));
                    continue;
                }

                var held = agents.Find(a => a.Id == entry.OfferedTo)?.Workload.Get(entry.ContactId);
                if (held is not { Phase: AssignmentPhase.Offered } || held.QueueId != queue.Id)
                {
                    Fail($"{entry.ContactId} in {queue.Id} is marked offered to {entry.OfferedTo}, who does not hold that offer");
                }
            }
        }

        foreach (var agent in agents)
        {
            foreach (var assignment in agent.Workload.Assignments)
            {
                Record(assignment.ContactId, new Place(StateOf(assignment.Phase), agent.Id));
                var listedIn = queues.FindAll(q => q.List.Get(assignment.ContactId) is not null);
                if (assignment.Phase == AssignmentPhase.Offered)
                {
                    if (listedIn.Count != 1
                        || listedIn[0].Id != assignment.QueueId
                        || listedIn[0].List.Get(assignment.ContactId)!.OfferedTo != agent.Id)
                    {
                        Fail($"{assignment.ContactId} offered at {agent.Id} is not in {assignment.QueueId} with OfferedTo = {agent.Id}");
                    }
                }
                else if (listedIn.Count != 0)
                {
                    Fail($"{assignment.ContactId} is {assignment.Phase} at {agent.Id} but still waiting in {listedIn[0].Id}");
                }
            }
        }

        foreach (var contact in contacts.Values)
        {
            var found = places.GetValueOrDefault(contact.ContactId);
            if (contact.State == ContactState.Ended)
            {
                if (found is not null)
                {
                    Fail($"ended {contact.ContactId} is still {string.Join(" and ", found)}");
                }

                continue;
            }

            var expected = new Place(contact.State, contact.State == ContactState.Waiting ? contact.QueueId : contact.AgentId!);
            if (found is not [var only] || only != expected)
            {
                Fail($"{contact.ContactId} should be {expected} but is [{string.Join("; ", found ?? [])}]");
            }
        }

        foreach (var contactId in places.Keys)
        {
            if (!contacts.ContainsKey(contactId))
            {
                Fail($"'{contactId}' appeared without arriving");
            }
        }

        if (live.Count + Ended != contacts.Count)
        {
            Fail($"{contacts.Count} arrived but {live.Count} are live and {Ended} ended");
        }
    }

    /// <summary>Checked against the profile itself, not through <see cref="CapacityRules"/>.</summary>
    private void CheckCapacity(SimAgent agent)
    {
        var profile = agent.Workload.Profile;
        var assignments = agent.Workload.Assignments;
        foreach (var channel in AllChannels)
        {
            var max = profile.Channels.TryGetValue(channel, out var capacity) ? capacity.MaxConcurrent : 0;
            var count = assignments.Count(a => a.Channel == channel);
            if (count > max)
            {
                Fail($"{agent.Id} holds {count} {channel} with room for {max}");
            }
        }

        var exclusive = assignments.FirstOrDefault(a => profile.Channels.TryGetValue(a.Channel, out var c) && c.Exclusive);
        if (exclusive is not null && assignments.Count != 1)
        {
            Fail($"{agent.Id} holds exclusive {exclusive.ContactId} alongside {assignments.Count - 1} other contacts");
        }
    }

    private void CheckWaitingList(SimQueue queue)
    {
        var list = queue.List;
        var all = list.All.ToList();
        var waiting = list.Waiting.ToList();
        if (list.Count != all.Count || list.WaitingCount != waiting.Count)
        {
            Fail($"{queue.Id} counts {list.Count}/{list.WaitingCount} but lists {all.Count}/{waiting.Count}");
        }

        if (all.Select(c => c.ContactId).Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            Fail($"{queue.Id} lists a contact twice");
        }

        // Service order by exact arithmetic: effective priority times the bound is priority * bound + 100 * waited, so
        // comparing enqueue time * 100 - priority * bound (in ms) orders by effective priority at any instant. Exact ties
        // are let through in either order (see WaitingListTests for how they should break).
        for (var i = 1; i < all.Count; i++)
        {
            if (ExactKey(queue, all[i - 1]) > ExactKey(queue, all[i]))
            {
                Fail($"{queue.Id} serves {all[i - 1].ContactId} before {all[i].ContactId} of higher effective priority");
            }
        }

        foreach (var index in new[] { 0, waiting.Count / 2, waiting.Count - 1 }.Where(n => n >= 0 && n < waiting.Count).Distinct())
        {
            if (list.PositionOf(waiting[index].ContactId) != index + 1)
            {
                Fail($"{queue.Id} PositionOf({waiting[index].ContactId}) is not {index + 1}");
            }
        }

        foreach (var channel in waiting.Select(c => c.Channel).Distinct())
        {
            var ofChannel = waiting.Where(c => c.Channel == channel).ToList();
            if (list.WaitingCountOf(channel) != ofChannel.Count)
            {
                Fail($"{queue.Id} WaitingCountOf({channel}) is {list.WaitingCountOf(channel)}, not {ofChannel.Count}");
            }

            var last = ofChannel[^1];
            if (list.ChannelPositionOf(last.ContactId) != ofChannel.Count)
            {
                Fail($"{queue.Id} ChannelPositionOf({last.ContactId}) is not {ofChannel.Count}");
            }
        }

        var offered = all.Find(c => c.IsOffered);
        if (offered is not null && list.PositionOf(offered.ContactId) is not null)
        {
            Fail($"offered {offered.ContactId} has a position in {queue.Id}");
        }
    }

    private static long ExactKey(SimQueue queue, WaitingContact contact) =>
        (contact.EnqueuedAt.ToUnixTimeMilliseconds() * 100) - (contact.Priority * (long)queue.List.Aging.StarvationBound.TotalMilliseconds);

    private static bool OracleCanTake(AgentWorkload workload, Channel channel)
    {
        var profile = workload.Profile.Channels;
        var held = workload.Assignments;
        if (!profile.TryGetValue(channel, out var capacity) || capacity.MaxConcurrent <= 0)
        {
            return false;
        }

        if (held.Any(h => profile.TryGetValue(h.Channel, out var c) && c.Exclusive))
        {
            return false;
        }

        if (capacity.Exclusive && held.Count > 0)
        {
            return false;
        }

        return held.Count(h => h.Channel == channel) < capacity.MaxConcurrent;
    }

    /// <summary>The agent a queue should offer to: best tier, then the strategy's own rule, then lowest id.</summary>
    private static string OracleFirstChoice(
        AgentSelectionStrategy strategy, IReadOnlyList<QueueMember> candidates, List<SkillRequirement> requirements, string? lastRoundRobin)
    {
        var tier = candidates.Min(c => c.QueuePriority);
        var best = candidates.Where(c => c.QueuePriority == tier).ToList();
        int Fit(QueueMember m) => requirements.Sum(r => m.Skills.TryGetValue(r.Skill, out var level) ? level : 0);
        double Occupancy(QueueMember m)
        {
            var channels = m.Capacity.Channels;
            if (m.Held.Any(h => channels.TryGetValue(h, out var c) && c.Exclusive))
            {
                return 1.0;
            }

            var total = channels.Values.Sum(c => c.MaxConcurrent);
            return total == 0 ? 1.0 : Math.Min(1.0, (double)m.Held.Count / total);
        }

        switch (strategy)
        {
            case AgentSelectionStrategy.LongestIdle:
                best = best.Where(m => m.IdleSince == best.Min(b => b.IdleSince)).ToList();
                break;
            case AgentSelectionStrategy.BestProficiency:
                var topFit = best.Max(Fit);
                best = best.Where(m => Fit(m) == topFit).ToList();
                best = best.Where(m => m.IdleSince == best.Min(b => b.IdleSince)).ToList();
                break;
            case AgentSelectionStrategy.LeastOccupied:
                var lowest = best.Min(Occupancy);
                best = best.Where(m => Occupancy(m) == lowest).ToList();
                best = best.Where(m => m.IdleSince == best.Min(b => b.IdleSince)).ToList();
                break;
            default:
                // Round robin: the next id after the last agent offered, wrapping around to the lowest.
                var after = best.Where(m => lastRoundRobin is null || string.CompareOrdinal(m.AgentId, lastRoundRobin) > 0).ToList();
                best = after.Count > 0 ? after : best;
                break;
        }

        return best.Select(m => m.AgentId).Min(StringComparer.Ordinal)!;
    }

    private static bool OracleEligible(IReadOnlyDictionary<string, int> skills, IEnumerable<SkillRequirement> requirements) =>
        requirements.All(r => skills.TryGetValue(r.Skill, out var level) && level >= r.MinLevel);

    private static List<Assignment> Snapshot(AgentWorkload workload) =>
        workload.Assignments.OrderBy(a => a.ContactId, StringComparer.Ordinal).ToList();

    private static int IndexIn(IEnumerable<WaitingContact> contacts, string contactId) =>
        contacts.Select((c, i) => (c.ContactId, i)).First(x => x.ContactId == contactId).i;

    private SimContact? PickLive(ContactState state)
    {
        var matching = live.Where(c => c.State == state).ToList();
        return matching.Count == 0 ? null : matching[random.Next(matching.Count)];
    }

    private void EndContact(SimContact contact)
    {
        Require(contact.State != ContactState.Ended, $"{contact.ContactId} ended twice");
        contact.State = ContactState.Ended;
        live.Remove(contact);
        Ended++;
    }

    private void NoteIfIdle(SimAgent agent)
    {
        if (agent.Workload.IsIdle)
        {
            agent.IdleSince = now;
        }
    }

    private List<QueueMember> MembersOf(SimQueue queue) => agents
        .Where(a => a.Memberships.ContainsKey(queue.Id))
        .Select(a => new QueueMember(
            a.Id, a.Memberships[queue.Id], a.Presence, a.Skills, a.Workload.Profile, a.Workload.Held, a.IdleSince))
        .ToList();

    private SimQueue Queue(string id) => queues.Single(q => q.Id == id);

    private SimAgent Agent(string id) => agents.Single(a => a.Id == id);

    private void Require(bool condition, string what)
    {
        if (!condition)
        {
            Fail(what);
        }
    }

    private void Fail(string what) => throw new XunitException($"{Context}: {what}");

    private static ContactState StateOf(AssignmentPhase phase) => phase switch
    {
        AssignmentPhase.Offered => ContactState.Offered,
        AssignmentPhase.Connected => ContactState.Connected,
        _ => ContactState.WrapUp,
    };

    private SimQueue NewQueue(string id)
    {
        var steps = Enumerable.Range(0, random.Next(3))
            .Select(_ => new RelaxationStep(
                TimeSpan.FromSeconds(random.Next(10, 120)),
                random.Next(0, 4),
                SkillNames.Where(_ => random.Next(4) == 0).ToList()))
            .ToList();
        return new SimQueue(
            id,
            new WaitingList(new AgingPolicy(TimeSpan.FromSeconds(random.Next(30, 601)))),
            Strategies[random.Next(Strategies.Length)],
            steps);
    }

    private SimAgent NewAgent(string id)
    {
        var channels = new List<(Channel, ChannelCapacity)>();
        switch (random.Next(4))
        {
            case 0: break;
            case 1: channels.Add((Channel.Voice, new ChannelCapacity(1))); break;
            default: channels.Add((Channel.Voice, new ChannelCapacity(1, Exclusive: true))); break;
        }

        // Now and then an unusual profile: an exclusive channel with room for more than one.
        channels.Add((Channel.Chat, new ChannelCapacity(random.Next(0, 4), Exclusive: random.Next(10) == 0)));
        channels.Add((Channel.Email, new ChannelCapacity(random.Next(0, 3))));

        var skills = SkillNames
            .Where(_ => random.Next(10) < 7)
            .ToDictionary(s => s, _ => random.Next(Proficiency.Min, Proficiency.Max + 1), StringComparer.Ordinal);
        var memberships = queues
            .Where(_ => random.Next(10) < 6)
            .ToDictionary(q => q.Id, _ => random.Next(1, 3), StringComparer.Ordinal);
        if (memberships.Count == 0)
        {
            memberships[queues[random.Next(queues.Count)].Id] = 1;
        }

        var presence = random.Next(10) switch
        {
            < 8 => AgentPresence.Available,
            8 => AgentPresence.NotReady,
            _ => AgentPresence.LoggedOut,
        };
        return new SimAgent(id, new AgentWorkload(CapacityProfile.Of([.. channels])), skills, memberships)
        {
            Presence = presence,
            IdleSince = now - TimeSpan.FromSeconds(random.Next(0, 600)),
        };
    }

    private enum ContactState
    {
        Waiting,
        Offered,
        Connected,
        WrapUp,
        Ended,
    }

    /// <summary>Waiting in a queue (Where is the queue id), or held by an agent in a phase (Where is the agent id).</summary>
    private readonly record struct Place(ContactState State, string Where)
    {
        public override string ToString() => State == ContactState.Waiting ? $"waiting in {Where}" : $"{State} at {Where}";
    }

    private sealed record SimQueue(string Id, WaitingList List, AgentSelectionStrategy Strategy, IReadOnlyList<RelaxationStep> Relaxation)
    {
        public string? LastRoundRobin { get; set; }
    }

    private sealed class SimAgent(
        string id, AgentWorkload workload, Dictionary<string, int> skills, Dictionary<string, int> memberships)
    {
        public string Id { get; } = id;

        public AgentWorkload Workload { get; } = workload;

        public Dictionary<string, int> Skills { get; } = skills;

        public Dictionary<string, int> Memberships { get; } = memberships;

        public AgentPresence Presence { get; set; }

        public DateTimeOffset IdleSince { get; set; }

        public AgentWorkView WorkView => new(Id, Skills, Workload.Profile, Workload.Held);
    }

    private sealed class SimContact(string contactId, string queueId, Channel channel)
    {
        public string ContactId { get; } = contactId;

        public string QueueId { get; } = queueId;

        public Channel Channel { get; } = channel;

        public ContactState State { get; set; } = ContactState.Waiting;

        public string? AgentId { get; set; }
    }
}
