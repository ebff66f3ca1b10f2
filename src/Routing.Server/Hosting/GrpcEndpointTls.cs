using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Routing.Server.Hosting;

/// <summary>
/// The certificate an https gRPC endpoint serves, or null for an http one. An https endpoint without a usable
/// certificate stops the server at start rather than serving plaintext under an https address.
/// </summary>
public static class GrpcEndpointTls
{
    public static X509Certificate2? For(Uri endpoint, RoutingServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        var setting = $"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.CertificatePath)}";
        if (endpoint.Scheme == Uri.UriSchemeHttp)
        {
            return null;
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{RoutingServerOptions.Section}:{nameof(RoutingServerOptions.GrpcEndpoint)} must be http:// or https://, not {endpoint.Scheme}://");
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            throw new InvalidOperationException($"{endpoint} is https: set {setting} to its certificate (a .pfx file with the private key)");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{setting} ({options.CertificatePath}) holds no private key");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting} ({options.CertificatePath}) cannot be read: {ex.Message}", ex);
        }
    }
}
