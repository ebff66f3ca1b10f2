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

        return Load(options.CertificatePath, options.CertificatePassword, setting);
    }

    /// <summary>A PKCS#12 file with its private key; what is wrong with it stops the server, naming <paramref name="setting"/>.</summary>
    public static X509Certificate2 Load(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{setting} ({path}) holds no private key");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting} ({path}) cannot be read: {ex.Message}", ex);
        }
    }
}
