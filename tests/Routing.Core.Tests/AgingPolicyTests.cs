using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class AgingPolicyTests
{
    [Fact]
    public void Waiting_the_starvation_bound_adds_the_whole_priority_range()
    {
        var aging = new AgingPolicy(TimeSpan.FromMinutes(5));

        Assert.Equal(1.0 / 3, aging.RatePerSecond, 12);
        Assert.Equal(10.0, aging.EffectivePriority(10, TimeSpan.Zero));
        Assert.Equal(50.0, aging.EffectivePriority(0, Seconds(150)), 9);
        Assert.Equal(100.0, aging.EffectivePriority(0, Seconds(300)), 9);
        Assert.Equal(130.0, aging.EffectivePriority(30, Seconds(300)), 9);
    }

    [Fact]
    public void Negative_wait_does_not_lower_the_priority()
    {
        var aging = new AgingPolicy(TimeSpan.FromMinutes(5));

        Assert.Equal(40.0, aging.EffectivePriority(40, Seconds(-60)));
    }

    [Fact]
    public void Maximum_priority_moves_the_virtual_arrival_earlier_by_the_whole_bound()
    {
        var aging = new AgingPolicy(Seconds(100));

        Assert.Equal(aging.VirtualArrival(0, T0 - Seconds(100)), aging.VirtualArrival(ContactPriority.Max, T0));
        Assert.Equal(aging.VirtualArrival(0, T0 - Seconds(25)), aging.VirtualArrival(25, T0));
    }

    [Fact]
    public void Earlier_virtual_arrival_means_higher_effective_priority_at_any_instant()
    {
        var aging = new AgingPolicy(TimeSpan.FromMinutes(5));
        var lowOld = (Priority: 5, EnqueuedAt: T0);
        var highNew = (Priority: 40, EnqueuedAt: T0 + Seconds(90));

        Assert.True(aging.VirtualArrival(highNew.Priority, highNew.EnqueuedAt) < aging.VirtualArrival(lowOld.Priority, lowOld.EnqueuedAt));
        foreach (var now in new[] { T0 + Seconds(90), T0 + Seconds(1000), T0 + Seconds(86_400) })
        {
            Assert.True(
                aging.EffectivePriority(highNew.Priority, now - highNew.EnqueuedAt)
                > aging.EffectivePriority(lowOld.Priority, now - lowOld.EnqueuedAt));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_starvation_bound_of_zero_or_less_is_refused(int seconds)
    {
        var refused = Assert.Throws<RoutingRuleException>(() => new AgingPolicy(Seconds(seconds)));

        Assert.Equal(RuleViolation.InvalidArgument, refused.Violation);
    }
}
