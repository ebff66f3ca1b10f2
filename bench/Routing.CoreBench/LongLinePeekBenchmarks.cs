using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Routing.Core;

namespace Routing.CoreBench;

/// <summary>
/// A peek on a line of 100,000 against the same peek on a line of 100 in the same run (the Ratio column): by an agent
/// that can take nothing in the line (it lacks the skill every contact needs, serves another channel, or every contact
/// is held for another agent), and by one that can take any contact. The ratio, not the mean, is the figure: this
/// machine is shared and noisy.
/// </summary>
/// <remarks>
/// Each line is built as <see cref="WaitingLineBenchmarks"/> builds its own: arrivals over an hour at mixed priorities,
/// every contact a chat needing two skills; a peek changes nothing, so it runs on the same line every time.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LongLinePeekBenchmarks
{
    private const int ShortLine = 100;
    private const int LongLine = 100_000;
    private const string MissingSkill = "missing skill";
    private const string WrongChannel = "wrong channel";
    private const string HeldForAnother = "held for another";
    private const string TakesAny = "takes any";

    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    // Holds that outlast the benchmark: every contact stays held for its preferred agent.
    private static readonly TimeSpan HoldLength = TimeSpan.FromHours(2);

    // A queue's usual settings, as in WaitingLineBenchmarks: a 10-minute starvation bound and one relaxation ring.
    private readonly AgingPolicy aging = new(TimeSpan.FromMinutes(10));
    private readonly IReadOnlyList<RelaxationStep> relaxation = [new(TimeSpan.FromSeconds(30), 1, [])];

    // QueueGrain passes over contacts proposed to other agents; none are, but the check is paid all the same.
    private readonly Dictionary<string, string> proposals = new(StringComparer.Ordinal);

    private WaitingList shortLine = null!;
    private WaitingList longLine = null!;
    private WaitingList shortHeldLine = null!;
    private WaitingList longHeldLine = null!;
    private AgentWorkView unskilled = null!;
    private AgentWorkView voiceOnly = null!;
    private AgentWorkView skilled = null!;
    private Func<WaitingContact, bool> proposedToAnother = null!;

    [GlobalSetup]
    public void Setup()
    {
        shortLine = Line(ShortLine, heldFor: null);
        longLine = Line(LongLine, heldFor: null);
        shortHeldLine = Line(ShortLine, heldFor: "agent-0002");
        longHeldLine = Line(LongLine, heldFor: "agent-0002");

        var chats = CapacityProfile.Of((Channel.Chat, new ChannelCapacity(3)));
        var fullSkills = new Dictionary<string, int> { [SkillNames.Of(0)] = 7, [SkillNames.Of(1)] = 7 };
        unskilled = new AgentWorkView("agent-0001", new Dictionary<string, int> { [SkillNames.Of(0)] = 7 }, chats, []);
        voiceOnly = new AgentWorkView("agent-0001", fullSkills, CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true))), []);
        skilled = new AgentWorkView("agent-0001", fullSkills, chats, []);
        proposedToAnother = c => proposals.TryGetValue(c.ContactId, out var agentId) && agentId != "agent-0001";

        foreach (var (line, agent) in new[] { (longLine, unskilled), (longLine, voiceOnly), (longHeldLine, skilled) })
        {
            if (line.BestFor(agent, relaxation, Now, proposedToAnother) is not null)
            {
                throw new InvalidOperationException($"{agent.AgentId} can take a contact in the line, which the benchmarks say it cannot");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "line of 100")]
    [BenchmarkCategory(MissingSkill)]
    public WaitingContact? MissingSkillShort() => shortLine.BestFor(unskilled, relaxation, Now, proposedToAnother);

    [Benchmark(Description = "line of 100,000")]
    [BenchmarkCategory(MissingSkill)]
    public WaitingContact? MissingSkillLong() => longLine.BestFor(unskilled, relaxation, Now, proposedToAnother);

    [Benchmark(Baseline = true, Description = "line of 100")]
    [BenchmarkCategory(WrongChannel)]
    public WaitingContact? WrongChannelShort() => shortLine.BestFor(voiceOnly, relaxation, Now, proposedToAnother);

    [Benchmark(Description = "line of 100,000")]
    [BenchmarkCategory(WrongChannel)]
    public WaitingContact? WrongChannelLong() => longLine.BestFor(voiceOnly, relaxation, Now, proposedToAnother);

    [Benchmark(Baseline = true, Description = "line of 100")]
    [BenchmarkCategory(TakesAny)]
    public WaitingContact? TakesAnyShort() => shortLine.BestFor(skilled, relaxation, Now, proposedToAnother);

    [Benchmark(Description = "line of 100,000")]
    [BenchmarkCategory(TakesAny)]
    public WaitingContact? TakesAnyLong() => longLine.BestFor(skilled, relaxation, Now, proposedToAnother);

    [Benchmark(Baseline = true, Description = "line of 100")]
    [BenchmarkCategory(HeldForAnother)]
    public WaitingContact? HeldForAnotherShort() => shortHeldLine.BestFor(skilled, relaxation, Now, proposedToAnother);

    [Benchmark(Description = "line of 100,000")]
    [BenchmarkCategory(HeldForAnother)]
    public WaitingContact? HeldForAnotherLong() => longHeldLine.BestFor(skilled, relaxation, Now, proposedToAnother);

    private WaitingList Line(int length, string? heldFor)
    {
        // Fixed seed: every run builds the same line.
        var random = new Random(20_261_123);
        IReadOnlyList<SkillRequirement> requirements = [new(SkillNames.Of(0), 5), new(SkillNames.Of(1), 3)];
        var start = Now - TimeSpan.FromHours(1);
        var step = TimeSpan.FromHours(1) / length;
        return new WaitingList(aging, Enumerable.Range(0, length).Select(i => new WaitingContact(
            ContactId: "waiting-" + i.ToString("D6", CultureInfo.InvariantCulture),
            Channel: Channel.Chat,
            Priority: random.Next(5, 16),
            RequiredSkills: requirements,
            EnqueuedAt: start + (step * i),
            Sequence: i,
            ReservedFor: heldFor,
            ReservedUntil: heldFor is null ? null : Now + HoldLength)));
    }
}
