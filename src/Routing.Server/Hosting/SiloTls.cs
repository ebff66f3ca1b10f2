using System.Net.Security;
using Orleans.Connections.Security;

namespace Routing.Server.Hosting;

/// <summary>
/// TLS between silos through Orleans' Microsoft.Orleans.Connections.Security, with one certificate for the whole
/// cluster: both ends of every silo connection present it, and a peer is accepted when it presents the same
/// certificate or one whose chain this machine trusts, so only holders of the cluster's key join or listen in.
/// </summary>
public static class SiloTls
{
    public static ISiloBuilder UseSiloTls(this ISiloBuilder silo, RoutingServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SiloCertificatePath))
        {
            return silo;
        }

        var certificate = GrpcEndpointTls.Load(
            options.SiloCertificatePath,
            options.SiloCertificatePassword,
            $"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.SiloCertificatePath)}");
        return silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (remote, _, errors) =>
                errors == SslPolicyErrors.None || remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
        });
    }
}
