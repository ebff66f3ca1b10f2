using Microsoft.Extensions.Time.Testing;

namespace Routing.Server.Tests.Api;

/// <summary>
/// One empty server whose routing clock the tests drive. Desktops get the longest grace allowed (10 minutes), so
/// agents with no desktop stream stay Available while a test moves the clock by less.
/// </summary>
public sealed class FakeClockServerFixture : ServerFixture
{
    public FakeClockServerFixture()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)))
    {
    }

    private FakeClockServerFixture(FakeTimeProvider clock)
        : base(seed: false, ["--Routing:Grains:DesktopGrace=00:10:00"], clock) => Clock = clock;

    public FakeTimeProvider Clock { get; }
}
