using Routing.Core;

namespace Routing.Core.Tests;

public sealed class LatencyBoundedLimitTests
{
    private const double Tolerance = 5;
    private const string Route = "route";
    private const string Read = "read";
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Starts_at_its_maximum()
    {
        Assert.Equal(256, new LatencyBoundedLimit(8, 256, Target, Tolerance, windowCalls: 10).Limit);
    }

    [Fact]
    public void A_window_slower_than_the_target_cuts_the_limit_in_proportion_to_the_overshoot()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        CompleteWindow(limit, TimeSpan.FromMilliseconds(125));
        Assert.Equal(160, limit.Limit);
    }

    [Fact]
    public void A_cut_is_at_most_half_and_never_below_the_minimum()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
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
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        for (var i = 0; i < 9; i++)
        {
            Loaded(limit, TimeSpan.FromSeconds(1));
        }

        Assert.Equal(200, limit.Limit);
        Loaded(limit, TimeSpan.FromSeconds(1));
        Assert.Equal(100, limit.Limit);
    }

    [Fact]
    public void The_ninetieth_percentile_decides_so_one_slow_call_in_a_window_of_ten_does_not_cut()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        for (var i = 0; i < 9; i++)
        {
            Loaded(limit, TimeSpan.FromMilliseconds(20));
        }

        Loaded(limit, TimeSpan.FromSeconds(3));
        Assert.Equal(200, limit.Limit);

        for (var i = 0; i < 8; i++)
        {
            Loaded(limit, TimeSpan.FromMilliseconds(20));
        }

        Loaded(limit, TimeSpan.FromSeconds(3));
        Loaded(limit, TimeSpan.FromSeconds(3));
        Assert.Equal(100, limit.Limit);
    }

    [Fact]
    public void A_fast_window_grows_the_limit_by_a_tenth_only_when_calls_were_refused()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
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
        var limit = new LatencyBoundedLimit(2, 200, Target, Tolerance, windowCalls: 10);
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
        var limit = new LatencyBoundedLimit(8, 10, Target, Tolerance, windowCalls: 1);
        for (var i = 0; i < 5; i++)
        {
            limit.Refused();
            Loaded(limit, TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(10, limit.Limit);
    }

    [Fact]
    public void Overload_then_calm_settles_where_the_latency_meets_the_target()
    {
        // A server whose latency is 10 ms per call in flight: 100 ms at 10 in flight.
        var limit = new LatencyBoundedLimit(2, 256, Target, Tolerance, windowCalls: 10);
        for (var window = 0; window < 200; window++)
        {
            limit.Refused();
            CompleteWindow(limit, TimeSpan.FromMilliseconds(10 * limit.Limit));
        }

        Assert.InRange(limit.Limit, 8, 11);
    }

    [Fact]
    public void Unloaded_calls_teach_each_kind_its_latency_and_loaded_ones_do_not()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        Learn(limit, Route, TimeSpan.FromMilliseconds(10));
        Assert.Null(limit.UnloadedLatency(Read));
        Assert.Equal(TimeSpan.FromMilliseconds(10), limit.UnloadedLatency(Route));

        for (var i = 0; i < 100; i++)
        {
            limit.Completed(Route, TimeSpan.FromMilliseconds(40), ranUnloaded: false);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(10), limit.UnloadedLatency(Route));
        Assert.Equal(200, limit.Limit);
    }

    [Fact]
    public void A_window_slowed_past_the_tolerance_cuts_the_limit_though_within_the_absolute_target()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        Learn(limit, Route, TimeSpan.FromMilliseconds(10));

        // 75 ms is within the 100 ms target, but 7.5 × the route's unloaded latency against a tolerance of 5.
        CompleteWindow(limit, TimeSpan.FromMilliseconds(75), Route);
        Assert.Equal(133, limit.Limit);
    }

    [Fact]
    public void Slowdown_is_measured_against_each_kinds_own_unloaded_latency()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        Learn(limit, Read, TimeSpan.FromMilliseconds(1));
        Learn(limit, Route, TimeSpan.FromMilliseconds(10));

        // 40 ms would be 40 × a read's latency; for routes it is 4 ×, within the tolerance.
        CompleteWindow(limit, TimeSpan.FromMilliseconds(40), Route);
        Assert.Equal(200, limit.Limit);
        CompleteWindow(limit, TimeSpan.FromMilliseconds(10), Read);
        Assert.Equal(100, limit.Limit);
    }

    [Fact]
    public void The_unloaded_latency_follows_a_machine_that_got_slower()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        Learn(limit, Route, TimeSpan.FromMilliseconds(10));
        Learn(limit, Route, TimeSpan.FromMilliseconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(30), limit.UnloadedLatency(Route));

        CompleteWindow(limit, TimeSpan.FromMilliseconds(90), Route);
        Assert.Equal(200, limit.Limit);
    }

    [Fact]
    public void A_window_mostly_of_kinds_not_yet_learned_is_judged_on_the_absolute_target_only()
    {
        var limit = new LatencyBoundedLimit(8, 200, Target, Tolerance, windowCalls: 10);
        Learn(limit, Route, TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 6; i++)
        {
            limit.Completed("new", TimeSpan.FromMilliseconds(50), ranUnloaded: false);
        }

        for (var i = 0; i < 4; i++)
        {
            limit.Completed(Route, TimeSpan.FromMilliseconds(50), ranUnloaded: false);
        }

        Assert.Equal(200, limit.Limit);
    }

    [Fact]
    public void Overload_then_calm_settles_where_the_slowdown_meets_the_tolerance()
    {
        // A server whose latency is 10 ms per call in flight: 10 ms alone, 5 × that at 5 in flight.
        var limit = new LatencyBoundedLimit(2, 256, Target, Tolerance, windowCalls: 10);
        Learn(limit, Route, TimeSpan.FromMilliseconds(10));
        for (var window = 0; window < 200; window++)
        {
            limit.Refused();
            CompleteWindow(limit, TimeSpan.FromMilliseconds(10 * limit.Limit), Route);
        }

        Assert.InRange(limit.Limit, 4, 6);
    }

    private static void Learn(LatencyBoundedLimit limit, string kind, TimeSpan latency)
    {
        for (var i = 0; i < 20; i++)
        {
            limit.Completed(kind, latency, ranUnloaded: true);
        }
    }

    // Calls that ran among many others: they teach no kind its unloaded latency.
    private static void Loaded(LatencyBoundedLimit limit, TimeSpan latency) => limit.Completed(Route, latency, ranUnloaded: false);

    private static void CompleteWindow(LatencyBoundedLimit limit, TimeSpan latency, string kind = Route)
    {
        for (var i = 0; i < 10; i++)
        {
            limit.Completed(kind, latency, ranUnloaded: false);
        }
    }
}
