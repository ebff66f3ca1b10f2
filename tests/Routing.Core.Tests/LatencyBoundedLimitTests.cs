using Routing.Core;

namespace Routing.Core.Tests;

public sealed class LatencyBoundedLimitTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Starts_at_its_maximum()
    {
        Assert.Equal(256, new LatencyBoundedLimit(8, 256, Target, windowCalls: 10).Limit);
    }

    [Fact]
    public void A_window_slower_than_the_target_cuts_the_limit_in_proportion_to_the_overshoot()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, windowCalls: 10);
        CompleteWindow(limit, TimeSpan.FromMilliseconds(125));
        Assert.Equal(160, limit.Limit);
    }

    [Fact]
    public void A_cut_is_at_most_half_and_never_below_the_minimum()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, windowCalls: 10);
        CompleteWindow(limit, TimeSpan.FromSeconds(5));
        Assert.Equal(100, limit.Limit);
        for (var i = 0; i < 10; i++)
        {
            CompleteWindow(limit, TimeSpan.FromSeconds(5));
        }

        Assert.Equal(8, limit.Limit);
    }

    [Fact]
    public void The_limit_moves_only_once_a_whole_window_has_completed()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, windowCalls: 10);
        for (var i = 0; i < 9; i++)
        {
            limit.Completed(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(200, limit.Limit);
        limit.Completed(TimeSpan.FromSeconds(1));
        Assert.Equal(100, limit.Limit);
    }

    [Fact]
    public void The_ninetieth_percentile_decides_so_one_slow_call_in_a_window_of_ten_does_not_cut()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, windowCalls: 10);
        for (var i = 0; i < 9; i++)
        {
            limit.Completed(TimeSpan.FromMilliseconds(20));
        }

        limit.Completed(TimeSpan.FromSeconds(3));
        Assert.Equal(200, limit.Limit);

        for (var i = 0; i < 8; i++)
        {
            limit.Completed(TimeSpan.FromMilliseconds(20));
        }

        limit.Completed(TimeSpan.FromSeconds(3));
        limit.Completed(TimeSpan.FromSeconds(3));
        Assert.Equal(100, limit.Limit);
    }

    [Fact]
    public void A_fast_window_grows_the_limit_by_a_tenth_only_when_calls_were_refused()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, windowCalls: 10);
        CompleteWindow(limit, TimeSpan.FromSeconds(1));
        Assert.Equal(100, limit.Limit);

        CompleteWindow(limit, TimeSpan.FromMilliseconds(50));
        Assert.Equal(100, limit.Limit);

        limit.Refused();
        CompleteWindow(limit, TimeSpan.FromMilliseconds(50));
        Assert.Equal(110, limit.Limit);

        // A refusal counts for its own window only.
        CompleteWindow(limit, TimeSpan.FromMilliseconds(50));
        Assert.Equal(110, limit.Limit);
    }

    [Fact]
    public void A_small_limit_grows_by_at_least_one()
    {
        var limit = new LatencyBoundedLimit(2, 200, Target, windowCalls: 10);
        for (var i = 0; i < 10; i++)
        {
            CompleteWindow(limit, TimeSpan.FromSeconds(5));
        }

        Assert.Equal(2, limit.Limit);
        limit.Refused();
        CompleteWindow(limit, TimeSpan.FromMilliseconds(50));
        Assert.Equal(3, limit.Limit);
    }

    [Fact]
    public void Growth_stops_at_the_maximum()
    {
        var limit = new LatencyBoundedLimit(8, 10, Target, windowCalls: 1);
        for (var i = 0; i < 5; i++)
        {
            limit.Refused();
            limit.Completed(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(10, limit.Limit);
    }

    [Fact]
    public void Overload_then_calm_settles_where_the_latency_meets_the_target()
    {
        // A server whose latency is 10 ms per call in flight: 100 ms at 10 in flight.
        var limit = new LatencyBoundedLimit(2, 256, Target, windowCalls: 10);
        for (var window = 0; window < 200; window++)
        {
            limit.Refused();
            CompleteWindow(limit, TimeSpan.FromMilliseconds(10 * limit.Limit));
        }

        Assert.InRange(limit.Limit, 8, 11);
    }

    private static void CompleteWindow(LatencyBoundedLimit limit, TimeSpan latency)
    {
        for (var i = 0; i < 10; i++)
        {
            limit.Completed(latency);
        }
    }
}
