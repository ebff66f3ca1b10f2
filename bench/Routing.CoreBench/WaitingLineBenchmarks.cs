using System.Globalization;
using BenchmarkDotNet.Attributes;
using Routing.Core;

namespace Routing.CoreBench;

/// <summary>
/// A queue's waiting line of 100,000 contacts: one arrival joining it (Enqueue), and the work of an agent taking
/// the best contact out of it (PeekBest, then Claim's offer, then Connected's removal), as QueueGrain does them.
/// </summary>
/// <remarks>
/// One insert or take costs about a microsecond, too little to time alone, so each iteration runs a fixed batch of
/// them; the iteration setup and cleanup put the line back to exactly 100,000 contacts around every batch, and
/// within a batch its length moves by about 4%, which leaves the sorted set's depth as it was.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(OpsPerIteration)]
public class WaitingLineBenchmarks
{
    private const int LineLength = 100_000;
    private const int OpsPerIteration = 4_096;

    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    // A queue's usual settings: a 10-minute starvation bound and one relaxation ring, so requirements are relaxed per contact.
    private readonly AgingPolicy aging = new(TimeSpan.FromMinutes(10));
    private readonly IReadOnlyList<RelaxationStep> relaxation = [new(TimeSpan.FromSeconds(30), 1, [])];

    // QueueGrain passes over contacts proposed to other agents; none are, but the check is paid all the same.
    private readonly Dictionary<string, string> proposals = new(StringComparer.Ordinal);

    private readonly WaitingContact[] arrivals = new WaitingContact[OpsPerIteration];
    private readonly WaitingContact[] taken = new WaitingContact[OpsPerIteration];
    private WaitingList line = null!;
    private AgentWorkView agent = null!;
    private Func<WaitingContact, bool> proposedToAnother = null!;
    private int done;

    [GlobalSetup]
    public void Setup()
    {
        // Fixed seed: every run builds the same line.
        var random = new Random(20_261_123);
        IReadOnlyList<SkillRequirement> requirements = [new(SkillNames.Of(0), 5), new(SkillNames.Of(1), 3)];

        // Arrivals over the last hour at mixed priorities, so the line's order is not its arrival order.
        var start = Now - TimeSpan.FromHours(1);
        var step = TimeSpan.FromHours(1) / LineLength;
        line = new WaitingList(aging, Enumerable.Range(0, LineLength).Select(i => new WaitingContact(
            ContactId: "waiting-" + i.ToString("D6", CultureInfo.InvariantCulture),
            Channel: Channel.Chat,
            Priority: random.Next(5, 16),
            RequiredSkills: requirements,
            EnqueuedAt: start + (step * i),
            Sequence: i)));

        for (var i = 0; i < OpsPerIteration; i++)
        {
            arrivals[i] = new WaitingContact(
                "arriving-" + i.ToString("D4", CultureInfo.InvariantCulture),
                Channel.Chat,
                random.Next(5, 16),
                requirements,
                Now + TimeSpan.FromMilliseconds(i),
                LineLength + i);
        }

        var capacity = CapacityProfile.Of((Channel.Chat, new ChannelCapacity(3)));
        agent = new AgentWorkView("agent-0001", new Dictionary<string, int> { [SkillNames.Of(0)] = 7, [SkillNames.Of(1)] = 7 }, capacity, []);
        proposedToAnother = c => proposals.TryGetValue(c.ContactId, out var agentId) && agentId != agent.AgentId;
    }

    [IterationSetup(Targets = [nameof(Enqueue), nameof(TakeBest)])]
    public void StartBatch() => done = 0;

    [IterationCleanup(Target = nameof(Enqueue))]
    public void RemoveArrivals()
    {
        for (var i = 0; i < done; i++)
        {
            line.Remove(arrivals[i].ContactId);
        }

        EnsureFullLine();
    }

    [IterationCleanup(Target = nameof(TakeBest))]
    public void PutTakenBack()
    {
        for (var i = 0; i < done; i++)
        {
            line.Add(taken[i]);
        }

        EnsureFullLine();
    }

    [Benchmark]
    public void Enqueue() => line.Add(arrivals[done++]);

    /// <summary>The look-up alone: it changes nothing, so it runs on the full line every time.</summary>
    [Benchmark]
    public WaitingContact? PeekBest() => line.BestFor(agent, relaxation, Now, proposedToAnother);

    [Benchmark]
    public WaitingContact TakeBest()
    {
        var best = line.BestFor(agent, relaxation, Now, proposedToAnother)
            ?? throw new InvalidOperationException("the agent can serve every contact in the line");
        if (!line.TryOffer(best.ContactId, agent.AgentId) || line.Remove(best.ContactId) is null)
        {
            throw new InvalidOperationException($"contact '{best.ContactId}' could not be taken");
        }

        // Kept as it was before the offer, so the cleanup puts back a waiting contact, not an offered one.
        taken[done++] = best;
        return best;
    }

    private void EnsureFullLine()
    {
        if (line.Count != LineLength)
        {
            throw new InvalidOperationException($"the line holds {line.Count} contacts after cleanup, not {LineLength}");
        }
    }
}
