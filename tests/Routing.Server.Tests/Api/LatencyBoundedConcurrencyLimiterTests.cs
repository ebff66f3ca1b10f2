using Microsoft.Extensions.Time.Testing;
using Routing.Core;
using Routing.Server.Security;

namespace Routing.Server.Tests.Api;

public sealed class LatencyBoundedConcurrencyLimiterTests
{
    private const int Window = 10;
    private const double Tolerance = 5;
    private const string Route = "/routing.v1.Routing/RouteContact";
    private const string Read = "/routing.v1.Routing/GetContact";
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Past_its_limit_a_call_of_any_kind_is_refused_at_once_and_a_released_permit_admits_the_next()
    {
        var clock = new FakeTimeProvider();
        var limiter = new LatencyBoundedConcurrencyLimiter(new LatencyBoundedLimit(2, 2, Target, Tolerance, Window), clock);
        using var routes = limiter.For(Route);
        using var reads = limiter.For(Read);
        using var first = routes.AttemptAcquire();
        var second = reads.AttemptAcquire();
        Assert.True(first.IsAcquired && second.IsAcquired);

        using (var third = routes.AttemptAcquire())
        {
            Assert.False(third.IsAcquired);
        }

        Assert.Equal(0, reads.GetStatistics()!.CurrentAvailablePermits);
        second.Dispose();
        second.Dispose();
        Assert.Equal(1, routes.GetStatistics()!.CurrentAvailablePermits);
        using var fourth = reads.AttemptAcquire();
        Assert.True(fourth.IsAcquired);
        Assert.Equal(1, routes.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public void Calls_slower_than_the_target_lower_the_limit_and_fast_calls_that_meet_refusals_raise_it()
    {
        var clock = new FakeTimeProvider();
        var limiter = new LatencyBoundedConcurrencyLimiter(new LatencyBoundedLimit(4, 64, Target, Tolerance, Window), clock);
        using var routes = limiter.For(Route);
        RunWindow(routes, clock, TimeSpan.FromMilliseconds(400));
        Assert.Equal(32, limiter.Limit);

        // Fast again, with a call refused for want of a permit: a tenth more.
        var held = Enumerable.Range(0, 32).Select(_ => routes.AttemptAcquire()).ToList();
        Assert.All(held, lease => Assert.True(lease.IsAcquired));
        using (var refused = routes.AttemptAcquire())
        {
            Assert.False(refused.IsAcquired);
        }

        clock.Advance(TimeSpan.FromMilliseconds(10));
        held.ForEach(lease => lease.Dispose());
        Assert.Equal(35, limiter.Limit);
    }

    [Fact]
    public void Calls_that_ran_alone_teach_their_kind_its_latency_and_calls_slowed_past_the_tolerance_lower_the_limit()
    {
        var clock = new FakeTimeProvider();
        var limiter = new LatencyBoundedConcurrencyLimiter(new LatencyBoundedLimit(4, 64, Target, Tolerance, Window), clock);
        using var routes = limiter.For(Route);
        for (var i = 0; i < 20; i++)
        {
            using var alone = routes.AttemptAcquire();
            clock.Advance(TimeSpan.FromMilliseconds(8));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(8), limiter.UnloadedLatency(Route));
        Assert.Null(limiter.UnloadedLatency(Read));

        // Ten at once, 80 ms each: within the 100 ms target, but 10 × a route alone. None ended alone, so none
        // teaches the route's unloaded latency.
        RunWindow(routes, clock, TimeSpan.FromMilliseconds(80));
        Assert.Equal(32, limiter.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(8), limiter.UnloadedLatency(Route));
    }

    [Fact]
    public void Calls_under_a_fixed_limit_of_their_own_count_as_load_and_are_held_to_that_limit_alone()
    {
        var clock = new FakeTimeProvider();
        var limiter = new LatencyBoundedConcurrencyLimiter(new LatencyBoundedLimit(4, 64, Target, Tolerance, Window), clock);
        using var routes = limiter.For(Route);
        using var desktops = limiter.ForFixed(permits: LatencyBoundedConcurrencyLimiter.LightLoad);
        var held = Enumerable.Range(0, LatencyBoundedConcurrencyLimiter.LightLoad).Select(_ => desktops.AttemptAcquire()).ToList();
        using (var past = desktops.AttemptAcquire())
        {
            Assert.False(past.IsAcquired);
        }

        // Every route runs beside the desktops' calls: none ran unloaded.
        for (var i = 0; i < 40; i++)
        {
            using var beside = routes.AttemptAcquire();
            Assert.True(beside.IsAcquired);
            clock.Advance(TimeSpan.FromMilliseconds(8));
        }

        Assert.Null(limiter.UnloadedLatency(Route));
        Assert.Equal(64, limiter.Limit);
        held.ForEach(lease => lease.Dispose());
        Assert.Equal(LatencyBoundedConcurrencyLimiter.LightLoad, desktops.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(1, desktops.GetStatistics()!.TotalFailedLeases);
    }

    private static void RunWindow(System.Threading.RateLimiting.RateLimiter limiter, FakeTimeProvider clock, TimeSpan latency)
    {
        var leases = Enumerable.Range(0, Window).Select(_ => limiter.AttemptAcquire()).ToList();
        clock.Advance(latency);
        leases.ForEach(lease => lease.Dispose());
    }
}
