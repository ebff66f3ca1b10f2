using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Routing.Server.Hosting;

/// <summary>
/// Checks the failure-detection settings of <c>Routing:Membership</c> at start, naming the setting that is wrong.
/// Orleans checks some of the same when the silo starts, later and under its own option names.
/// </summary>
public sealed class MembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    // A single missed probe is no evidence: a probe lost or late on a loaded machine would make a live silo a suspect.
    public const int MinMissedProbesLimit = 2;

    private const string Section = RoutingClusterExtensions.MembershipSection;

    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinProbeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(ClusterMembershipOptions.MinProbeTimeout)} must be positive.");
        }

        if (options.ProbeTimeout < options.MinProbeTimeout || options.ProbeTimeout > options.MaxProbeTimeout)
        {
            failures.Add(
                $"{Section}:{nameof(ClusterMembershipOptions.ProbeTimeout)} ({options.ProbeTimeout}) must be between "
                + $"{nameof(ClusterMembershipOptions.MinProbeTimeout)} ({options.MinProbeTimeout}) and {nameof(ClusterMembershipOptions.MaxProbeTimeout)} ({options.MaxProbeTimeout}).");
        }

        if (options.NumMissedProbesLimit < MinMissedProbesLimit)
        {
            failures.Add(
                $"{Section}:{nameof(ClusterMembershipOptions.NumMissedProbesLimit)} must be at least {MinMissedProbesLimit}: "
                + "one probe lost or late on a loaded machine would make a live silo a suspect.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
