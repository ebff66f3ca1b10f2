using Routing.Server.Storage;

namespace Routing.Server.Hosting;

/// <summary>
/// Whether this process runs in a Kubernetes pod set up as deploy/kubernetes sets it up, checked when
/// <see cref="RoutingServerOptions.KubernetesHosting"/> is on. Orleans' Kubernetes hosting would otherwise fail late,
/// inside the silo's start, with "KubernetesHostingOptions.Namespace is not set" or, given a namespace, the Kubernetes
/// client's "unable to load in-cluster configuration".
/// </summary>
public static class KubernetesPod
{
    /// <summary>Set by the kubelet in every pod: where the API server is.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>Set from the downward API in the pod spec; Orleans reads the pods of this namespace.</summary>
    public const string NamespaceVariable = "POD_NAMESPACE";

    public static readonly IReadOnlyList<string> RequiredEnvironment = [ServiceHostVariable, NamespaceVariable];

    public static bool IsCurrent() => RequiredEnvironment.All(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)));

    /// <summary>Throws, naming every missing piece, unless this is a pod and the membership has PostgreSQL.</summary>
    public static void EnsureCurrent(bool postgreSqlConfigured)
    {
        var problems = new List<string>();
        if (!IsCurrent())
        {
            problems.Add($"this process is not in a Kubernetes pod: {string.Join(" and ", RequiredEnvironment)} must be set (the pod's service account and the downward API, see deploy/kubernetes)");
        }

        if (!postgreSqlConfigured)
        {
            problems.Add($"it needs {PostgreSqlStorageOptions.SectionName}:{nameof(PostgreSqlStorageOptions.ConnectionString)}: the cluster's membership is kept in PostgreSQL, Kubernetes hosting only adds to it");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.KubernetesHosting)} is on, but {string.Join("; and ", problems)}.");
        }
    }
}
