using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class EligibilityTests
{
    private static readonly Dictionary<string, int> BillingSpanishAgent = Skills(("billing", 7), ("spanish", 4));

    [Fact]
    public void Agent_meeting_every_minimum_exactly_is_eligible()
    {
        var requirements = Needs(("billing", 7), ("spanish", 4));

        Assert.True(Eligibility.IsEligible(BillingSpanishAgent, requirements));
        Assert.Null(Eligibility.FirstUnmet(BillingSpanishAgent, requirements));
    }

    [Fact]
    public void Agent_one_level_short_is_not_eligible()
    {
        var requirements = Needs(("spanish", 4), ("billing", 8));

        Assert.False(Eligibility.IsEligible(BillingSpanishAgent, requirements));
        Assert.Equal(new SkillRequirement("billing", 8), Eligibility.FirstUnmet(BillingSpanishAgent, requirements));
    }

    [Fact]
    public void Agent_without_the_skill_is_not_eligible()
    {
        var requirements = Needs(("sales", 1));

        Assert.False(Eligibility.IsEligible(BillingSpanishAgent, requirements));
        Assert.Equal(new SkillRequirement("sales", 1), Eligibility.FirstUnmet(BillingSpanishAgent, requirements));
    }

    [Fact]
    public void First_unmet_is_the_first_failing_requirement_in_the_contact_order()
    {
        var requirements = Needs(("billing", 2), ("spanish", 5), ("sales", 1));

        Assert.Equal(new SkillRequirement("spanish", 5), Eligibility.FirstUnmet(BillingSpanishAgent, requirements));
    }

    [Fact]
    public void Contact_without_requirements_can_go_to_any_agent()
    {
        Assert.True(Eligibility.IsEligible(Skills(), []));
        Assert.Null(Eligibility.FirstUnmet(Skills(), []));
    }

    [Fact]
    public void Fit_score_sums_the_agent_levels_over_the_required_skills()
    {
        Assert.Equal(11, Eligibility.FitScore(BillingSpanishAgent, Needs(("billing", 1), ("spanish", 1))));
    }

    [Fact]
    public void Fit_score_counts_a_missing_skill_as_zero_and_ignores_unrequired_skills()
    {
        Assert.Equal(7, Eligibility.FitScore(BillingSpanishAgent, Needs(("billing", 9), ("sales", 1))));
        Assert.Equal(0, Eligibility.FitScore(BillingSpanishAgent, []));
    }

    [Fact]
    public void Requirement_reads_as_skill_and_minimum()
    {
        Assert.Equal("billing >= 7", new SkillRequirement("billing", 7).ToString());
    }
}
