using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Routing.Server.Hosting;

namespace Routing.Server.Tests.Postgres;

/// <summary>The membership settings check needs no cluster: a bad setting stops the server at start, naming it.</summary>
public sealed class MembershipOptionsValidatorTests
{
    private readonly MembershipOptionsValidator validator = new();

    [Fact]
    public void The_shipped_settings_pass()
    {
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var options = new ClusterMembershipOptions();
        shipped.GetSection(RoutingClusterExtensions.MembershipSection).Bind(options);

        Assert.True(validator.Validate(null, options).Succeeded);
        // The latest a hang is declared: votes are dropped for MaxProbeTimeout x NumMissedProbesLimit after the silo's
        // last message, and the first probe to fail after that, at most MaxProbeTimeout, votes. docs/reliability.md
        // promises the grains served again within 10 s, which leaves the rest for the table write and reactivation.
        var latestDeclaration = options.MaxProbeTimeout * (options.NumMissedProbesLimit + 1);
        Assert.True(latestDeclaration < TimeSpan.FromSeconds(10), $"a hang may be declared only {latestDeclaration} after it began");
    }

    [Fact]
    public void One_missed_probe_is_refused_naming_the_setting()
    {
        var result = validator.Validate(null, new ClusterMembershipOptions { NumMissedProbesLimit = 1 });

        Assert.Equal(
            "Routing:Membership:NumMissedProbesLimit must be at least 2: one probe lost or late on a loaded machine would make a live silo a suspect.",
            result.FailureMessage);
    }

    [Fact]
    public void A_probe_timeout_above_its_maximum_is_refused_naming_both()
    {
        var result = validator.Validate(null, new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromSeconds(3), MaxProbeTimeout = TimeSpan.FromSeconds(2) });

        Assert.True(result.Failed);
        Assert.StartsWith("Routing:Membership:ProbeTimeout (00:00:03) must be between MinProbeTimeout (00:00:01.5000000) and MaxProbeTimeout (00:00:02)", result.FailureMessage, StringComparison.Ordinal);
    }
}
