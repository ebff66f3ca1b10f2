using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class SkillRelaxationTests
{
    private static readonly SkillRequirement[] BillingInSpanish = Needs(("billing", 7), ("spanish", 6));

    // A bullseye: after 30 s lower by 2, after 60 s lower by 3 more and stop asking for Spanish, after 120 s lower by 10.
    private static readonly RelaxationStep[] Bullseye =
    [
        new(Seconds(30), 2, []),
        new(Seconds(60), 3, ["spanish"]),
        new(Seconds(120), 10, []),
    ];

    [Fact]
    public void Requirements_are_unchanged_before_the_first_step()
    {
        Assert.Same(BillingInSpanish, SkillRelaxation.Apply(BillingInSpanish, Bullseye, Seconds(29.999)));
    }

    [Fact]
    public void Step_applies_from_the_moment_its_time_is_reached()
    {
        Assert.Equal(Needs(("billing", 5), ("spanish", 4)), SkillRelaxation.Apply(BillingInSpanish, Bullseye, Seconds(30)));
    }

    [Fact]
    public void Steps_are_cumulative_and_drop_the_listed_skills()
    {
        Assert.Equal(Needs(("billing", 2)), SkillRelaxation.Apply(BillingInSpanish, Bullseye, Seconds(60)));
        Assert.Equal(Needs(("billing", 2)), SkillRelaxation.Apply(BillingInSpanish, Bullseye, Seconds(119)));
    }

    [Fact]
    public void Minimum_never_drops_below_the_lowest_proficiency()
    {
        Assert.Equal(Needs(("billing", Proficiency.Min)), SkillRelaxation.Apply(BillingInSpanish, Bullseye, Seconds(600)));
    }

    [Fact]
    public void Steps_apply_whatever_order_they_are_listed_in()
    {
        var reversed = Enumerable.Reverse(Bullseye).ToArray();

        Assert.Equal(Needs(("billing", 2)), SkillRelaxation.Apply(BillingInSpanish, reversed, Seconds(60)));
    }

    [Fact]
    public void Dropping_every_required_skill_leaves_no_requirement()
    {
        RelaxationStep[] dropAll = [new(Seconds(10), 0, ["billing", "spanish"])];

        Assert.Empty(SkillRelaxation.Apply(BillingInSpanish, dropAll, Seconds(10)));
    }

    [Fact]
    public void Queue_without_steps_or_contact_without_requirements_is_unchanged()
    {
        Assert.Same(BillingInSpanish, SkillRelaxation.Apply(BillingInSpanish, [], Seconds(3600)));
        SkillRequirement[] none = [];
        Assert.Same(none, SkillRelaxation.Apply(none, Bullseye, Seconds(3600)));
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(29.5, 30)]
    [InlineData(30, 60)]
    [InlineData(59, 60)]
    [InlineData(60, 120)]
    public void Next_step_is_the_earliest_one_still_ahead(double waitedSeconds, double nextSeconds)
    {
        Assert.Equal(Seconds(nextSeconds), SkillRelaxation.NextStepAfter(Bullseye, Seconds(waitedSeconds)));
        Assert.Equal(Seconds(nextSeconds), SkillRelaxation.NextStepAfter(Enumerable.Reverse(Bullseye).ToArray(), Seconds(waitedSeconds)));
    }

    [Fact]
    public void No_next_step_once_the_last_one_has_applied()
    {
        Assert.Null(SkillRelaxation.NextStepAfter(Bullseye, Seconds(120)));
        Assert.Null(SkillRelaxation.NextStepAfter([], TimeSpan.Zero));
    }
}
