namespace Routing.Core.Tests;

public sealed class ConfigurationLimitsTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(1, "1 s")]
    [InlineData(90, "90 s")]
    [InlineData(300, "5 min")]
    [InlineData(3600, "1 h")]
    [InlineData(86400, "1 d")]
    [InlineData(7 * 86400, "7 d")]
    [InlineData(-5, "-5 s")]
    public void A_duration_is_stated_in_the_largest_whole_unit(int seconds, string stated) =>
        Assert.Equal(stated, DurationRange.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void The_extremes_of_a_time_span_are_stated_without_overflow()
    {
        Assert.EndsWith(" ms", DurationRange.Format(TimeSpan.MaxValue), StringComparison.Ordinal);
        Assert.EndsWith(" ms", DurationRange.Format(TimeSpan.MinValue), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_its_range_is_refused_naming_the_setting_and_clamped_to_the_nearest_end()
    {
        var offer = ConfigurationLimits.OfferTimeout;

        Assert.Null(offer.Refusal("offer_timeout", TimeSpan.FromSeconds(20)));
        Assert.Equal("offer_timeout of 3652500 d is out of range 1 s to 1 d", offer.Refusal("offer_timeout", TimeSpan.FromDays(3_652_500)));
        Assert.Equal((offer.Max, offer.Min), (offer.Clamp(TimeSpan.MaxValue), offer.Clamp(TimeSpan.MinValue)));
        Assert.Equal("max_waiting 2147483647 is out of range 1-100000", ConfigurationLimits.MaxWaiting.Refusal("max_waiting", int.MaxValue));
        Assert.Equal(ConfigurationLimits.IvrMaxRetries.Max, ConfigurationLimits.IvrMaxRetries.Clamp(1_000_000_000));
    }

    [Fact]
    public void No_deadline_or_aging_key_from_a_value_in_range_can_overflow()
    {
        var farFuture = new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(farFuture + ConfigurationLimits.OfferTimeout.Max > farFuture);
        Assert.True(farFuture + ConfigurationLimits.WrapUp.Max > farFuture);
        var aging = new AgingPolicy(ConfigurationLimits.StarvationBound.Max);
        Assert.True(aging.VirtualArrival(ContactPriority.Max, farFuture) < aging.VirtualArrival(ContactPriority.Min, farFuture));
    }
}
