using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Routing.Api.V1;

namespace Routing.Server.Tests.Api;

/// <summary>An https endpoint serves TLS with its certificate and nothing in plaintext; without a certificate it does not start.</summary>
public sealed class TlsEndpointTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_https_endpoint_answers_over_tls_with_its_certificate_and_refuses_plaintext()
    {
        Directory.CreateDirectory(directory);
        using var certificate = TestCertificates.SelfSigned();
        var certificatePath = Path.Combine(directory, "server.pfx");
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "secret"));
        var port = FreePort.Next();
        await using var app = RoutingServer.Build(
        [
            .. Arguments($"https://127.0.0.1:{port}"),
            $"--Routing:Server:CertificatePath={certificatePath}",
            "--Routing:Server:CertificatePassword=secret",
        ]);
        await app.StartAsync();

        using var tls = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
            },
        });
        Assert.NotNull(await new Supervisor.SupervisorClient(tls).ListQueuesAsync(new ListQueuesRequest()));

        using var plaintext = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        await Assert.ThrowsAsync<RpcException>(() => new Supervisor.SupervisorClient(plaintext).ListQueuesAsync(new ListQueuesRequest()).ResponseAsync);
        await app.StopAsync();
    }

    [Fact]
    public void An_https_endpoint_without_a_certificate_refuses_to_start_naming_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RoutingServer.Build([.. Arguments($"https://127.0.0.1:{FreePort.Next()}")]));

        Assert.Contains("Routing:Server:CertificatePath", refused.Message, StringComparison.Ordinal);
    }

    private string[] Arguments(string endpoint) =>
    [
        $"--Routing:Server:GrpcEndpoint={endpoint}",
        $"--Routing:Server:HttpEndpoint=http://127.0.0.1:{FreePort.Next()}",
        .. IsolatedServerArguments.In(directory),
    ];
}
