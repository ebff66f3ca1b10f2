namespace Routing.Core.Tests;

public sealed class WaitDistributionTests
{
    [Fact]
    public void Without_abandonment_the_wait_is_erlang_and_its_distribution_is_exact()
    {
        // Two answers needed at rate 0.1/s: P(W ≤ 20 s) = 1 - e^-2 (1 + 2).
        var expected = 1 - (Math.Exp(-2) * 3);

        Assert.Equal(expected, WaitDistribution.ProbabilityWithin(1, 0.1, 0, TimeSpan.FromSeconds(20)), 9);
        Assert.Equal(1 - Math.Exp(-1), WaitDistribution.ProbabilityWithin(0, 0.1, 0, TimeSpan.FromSeconds(10)), 9);
    }

    [Fact]
    public void Abandonment_ahead_raises_the_chance_and_a_long_line_stays_a_probability()
    {
        var target = TimeSpan.FromSeconds(120);
        var without = WaitDistribution.ProbabilityWithin(10, 0.1, 0, target);
        var with = WaitDistribution.ProbabilityWithin(10, 0.1, 0.01, target);

        Assert.True(with > without);
        Assert.InRange(WaitDistribution.ProbabilityWithin(5000, 1.0, 0.001, TimeSpan.FromMinutes(30)), 0, 1);
        Assert.Equal(0, WaitDistribution.ProbabilityWithin(3, 0, 0.01, target));
    }

    [Fact]
    public void Log_gamma_matches_factorials()
    {
        Assert.Equal(Math.Log(24), WaitDistribution.LogGamma(5), 9);
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), WaitDistribution.LogGamma(0.5), 9);
    }
}
