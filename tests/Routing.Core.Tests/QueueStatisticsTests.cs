namespace Routing.Core.Tests;

public sealed class QueueStatisticsTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    [Fact]
    public void Kpis_come_from_the_events_of_the_window_and_of_the_day()
    {
        var clock = StatisticsClock.Utc15Minutes;
        var stats = new QueueStatistics();
        stats.Arrived(Nine, clock);
        stats.Arrived(Nine, clock);
        stats.Arrived(Nine, clock);
        stats.Answered(Nine.AddSeconds(10), clock, TimeSpan.FromSeconds(10), Target, firstResponse: false);
        stats.Answered(Nine.AddSeconds(40), clock, TimeSpan.FromSeconds(40), Target, firstResponse: true);
        stats.Abandoned(Nine.AddSeconds(50), clock);
        stats.Handled(Nine.AddMinutes(5), clock, TimeSpan.FromMinutes(4));
        stats.Rated(Nine.AddMinutes(6), clock, 4);

        var window = stats.Window(Nine.AddMinutes(6), clock);

        Assert.Equal((3L, 2L, 1L), (window.Arrived, window.Answered, window.Abandoned));
        Assert.Equal(1.0 / 3, window.ServiceLevel!.Value, 9);
        Assert.Equal(1.0 / 3, window.AbandonRate!.Value, 9);
        Assert.Equal(TimeSpan.FromSeconds(25), window.AverageSpeedOfAnswer);
        Assert.Equal(TimeSpan.FromSeconds(40), window.AverageFirstResponse);
        Assert.Equal(TimeSpan.FromMinutes(4), window.AverageHandleTime);
        Assert.Equal(4.0, window.AverageCsat);
        Assert.Equal(window, stats.SinceMidnight(Nine.AddMinutes(6), clock));
    }

    [Fact]
    public void The_window_forgets_what_is_older_than_its_length_while_the_day_keeps_it()
    {
        var clock = StatisticsClock.Utc15Minutes;
        var stats = new QueueStatistics();
        stats.Arrived(Nine, clock);
        stats.Arrived(Nine.AddMinutes(14), clock);
        stats.Arrived(Nine.AddMinutes(20), clock);

        Assert.Equal(2, stats.Window(Nine.AddMinutes(20), clock).Arrived);
        Assert.Equal(3, stats.SinceMidnight(Nine.AddMinutes(20), clock).Arrived);
        Assert.True(stats.Minutes.Count <= clock.WindowMinutes);
        Assert.Equal(0, stats.Window(Nine.AddHours(1), clock).Arrived);
    }

    [Fact]
    public void The_day_starts_at_midnight_in_the_centers_time_zone()
    {
        // UTC+2 all year: 21:59 UTC is 23:59 local; 22:01 UTC is the next local day.
        var clock = new StatisticsClock(TimeZoneInfo.CreateCustomTimeZone("plus-two", TimeSpan.FromHours(2), "plus-two", "plus-two"), 15);
        var stats = new QueueStatistics();
        var beforeMidnight = new DateTimeOffset(2026, 11, 23, 21, 59, 0, TimeSpan.Zero);
        stats.Arrived(beforeMidnight, clock);
        Assert.Equal(1, stats.SinceMidnight(beforeMidnight, clock).Arrived);

        Assert.Equal(0, stats.SinceMidnight(beforeMidnight.AddMinutes(2), clock).Arrived);
        stats.Arrived(beforeMidnight.AddMinutes(2), clock);
        Assert.Equal(1, stats.SinceMidnight(beforeMidnight.AddMinutes(2), clock).Arrived);
        Assert.Equal(2, stats.Window(beforeMidnight.AddMinutes(2), clock).Arrived);
    }
}
