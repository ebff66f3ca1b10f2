namespace Routing.Grains.Tests;

/// <summary>A cluster whose desktops' lease and grace are seconds, so that a desktop's going is seen within a test.</summary>
public sealed class DesktopClusterFixture : RoutingClusterFixture
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    protected override void Configure(RoutingGrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DesktopLease = Lease;
        options.DesktopGrace = Grace;
    }
}
