using Microsoft.Extensions.Time.Testing;
using Routing.Core;
using Routing.Server.Security;

namespace Routing.Server.Tests.Api;

public sealed class LatencyBoundedConcurrencyLimiterTests
{
    private const int Window = 10;
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Past_its_limit_a_call_is_refused_at_once_and_a_released_permit_admits_the_next()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new LatencyBoundedConcurrencyLimiter(new LatencyBoundedLimit(2, 2, Target, Window), clock);
        using var first = limiter.AttemptAcquire();
        var second = limiter.AttemptAcquire();
        Assert.True(first.IsAcquired && second.IsAcquired);

        using (var third = limiter.AttemptAcquire())
        {
            Assert.False(third.IsAcquired);
        }

        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
        second.Dispose();
        second.Dispose();
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
        using var fourth = limiter.AttemptAcquire();
        Assert.True(fourth.IsAcquired);
        Assert.Equal(1, limiter.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public void Calls_slower_than_the_target_lower_the_limit_and_fast_calls_that_meet_refusals_raise_it()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new LatencyBoundedConcurrencyLimiter(new LatencyBoundedLimit(4, 64, Target, Window), clock);
        RunWindow(limiter, clock, TimeSpan.FromMilliseconds(400));
        Assert.Equal(32, limiter.Limit);

        // Fast again, with a call refused for want of a permit: a tenth more.
        var held = Enumerable.Range(0, 32).Select(_ => limiter.AttemptAcquire()).ToList();
        Assert.All(held, lease => Assert.True(lease.IsAcquired));
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.False(refused.IsAcquired);
        }

        clock.Advance(TimeSpan.FromMilliseconds(10));
        held.ForEach(lease => lease.Dispose());
        Assert.Equal(35, limiter.Limit);
    }

    private static void RunWindow(LatencyBoundedConcurrencyLimiter limiter, FakeTimeProvider clock, TimeSpan latency)
    {
        var leases = Enumerable.Range(0, Window).Select(_ => limiter.AttemptAcquire()).ToList();
        clock.Advance(latency);
        leases.ForEach(lease => lease.Dispose());
    }
}
