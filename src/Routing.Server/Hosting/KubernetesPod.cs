namespace Routing.Server.Hosting;

/// <summary>
/// Whether this process runs in a Kubernetes pod set up as deploy/kubernetes sets it up. Orleans' Kubernetes hosting
/// would otherwise fail late, inside the silo's start, with the Kubernetes client's "unable to load in-cluster
/// configuration" or an options error about POD_NAMESPACE.
/// </summary>
public static class KubernetesPod
{
    /// <summary>Set by the kubelet in every pod: where the API server is.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>Set from the downward API in the pod spec; Orleans reads the pods of this namespace.</summary>
    public const string NamespaceVariable = "POD_NAMESPACE";

    public static readonly IReadOnlyList<string> RequiredEnvironment = [ServiceHostVariable, NamespaceVariable];

    public static bool IsCurrent() => RequiredEnvironment.All(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)));
}
