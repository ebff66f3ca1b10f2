using BenchmarkDotNet.Attributes;
using Routing.Core;

namespace Routing.CoreBench;

/// <summary>Skill matching of one agent with 50 skills against a contact's requirements, met and not met.</summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private const int AgentSkillCount = 50;
    private const int AgentLevel = 7;

    private Dictionary<string, int> skills = [];
    private List<SkillRequirement> allMet = [];
    private List<SkillRequirement> lastUnmet = [];

    [Params(1, 5, 20)]
    public int RequirementCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A plain dictionary, as the agent's definition arrives deserialized.
        skills = Enumerable.Range(0, AgentSkillCount).ToDictionary(SkillNames.Of, _ => AgentLevel);

        // Required skills spread over the agent's 50, not just the first few.
        allMet = [.. Enumerable.Range(0, RequirementCount).Select(i => new SkillRequirement(SkillNames.Of(i * 7 % AgentSkillCount), 5))];

        // The last requirement asks more than the agent has: the worst case, every requirement is looked up.
        lastUnmet = [.. allMet.SkipLast(1), allMet[^1] with { MinLevel = AgentLevel + 1 }];
        if (!Eligibility.IsEligible(skills, allMet) || Eligibility.FirstUnmet(skills, lastUnmet) != lastUnmet[^1])
        {
            throw new InvalidOperationException("the requirements do not match the cases the benchmarks are named for");
        }
    }

    [Benchmark]
    public bool Eligible() => Eligibility.IsEligible(skills, allMet);

    [Benchmark]
    public bool IneligibleOnLastRequirement() => Eligibility.IsEligible(skills, lastUnmet);
}
