using Microsoft.Extensions.Options;
using Routing.Server.Hosting;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Routing:Server:KubernetesHosting outside a pod: the server refuses to start saying why, where Orleans' own
/// Kubernetes hosting would fail inside the silo's start on the Kubernetes client's in-cluster configuration.
/// </summary>
public sealed class KubernetesHostingOptionTests
{
    [Fact]
    public void Kubernetes_hosting_outside_a_pod_and_without_PostgreSQL_refuses_to_start_saying_both()
    {
        Assert.False(KubernetesPod.IsCurrent(), "these tests run outside Kubernetes");

        var refused = Assert.Throws<InvalidOperationException>(() => RoutingServer.Build(
        [
            $"--Routing:Server:GrpcEndpoint=http://127.0.0.1:{FreePort.Next()}",
            "--Routing:Server:KubernetesHosting=true",
        ]));

        Assert.Contains("Routing:Server:KubernetesHosting is on, but this process is not in a Kubernetes pod", refused.Message, StringComparison.Ordinal);
        Assert.Contains("KUBERNETES_SERVICE_HOST and POD_NAMESPACE must be set", refused.Message, StringComparison.Ordinal);
        Assert.Contains("it needs Routing:Storage:PostgreSql:ConnectionString", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_hosting_outside_a_pod_refuses_to_start_even_with_PostgreSQL()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RoutingServer.Build(
        [
            $"--Routing:Server:GrpcEndpoint=http://127.0.0.1:{FreePort.Next()}",
            "--Routing:Storage:PostgreSql:ConnectionString=Host=127.0.0.1;Username=routing;Database=routing",
            "--Routing:Server:KubernetesHosting=true",
        ]));

        Assert.Contains("not in a Kubernetes pod", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PostgreSql", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_hosting_off_by_default_starts_as_before()
    {
        var directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));
        await using var server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false, ["--Routing:Server:KubernetesHosting=false"]);

        await server.StartAsync();

        var options = (IOptions<RoutingServerOptions>)server.Services.GetService(typeof(IOptions<RoutingServerOptions>))!;
        Assert.False(options.Value.KubernetesHosting);
    }
}
