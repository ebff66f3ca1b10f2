namespace Routing.Server.Security;

/// <summary>
/// Who may call the server (section "Routing:Auth"): bearer tokens signed with <see cref="SigningKey"/> or issued by
/// <see cref="Authority"/>. With neither, authentication is off, which the server allows only on loopback.
/// </summary>
public sealed class RoutingAuthOptions
{
    public const string Section = "Routing:Auth";

    /// <summary>Smallest HS256 key: 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>An HS256 key, base64, of at least <see cref="MinimumKeyBytes"/> bytes: tokens signed with it are accepted.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An external token issuer (OpenID Connect discovery at its /.well-known/openid-configuration), https.</summary>
    public string? Authority { get; set; }

    /// <summary>When set, a token's issuer must be this one (with a signing key; an authority names its own).</summary>
    public string? Issuer { get; set; }

    /// <summary>When set, a token must be for this audience; required with an authority.</summary>
    public string? Audience { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningKey) || !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The decoded <see cref="SigningKey"/>, or null when it is not valid base64.</summary>
    public byte[]? SigningKeyBytes()
    {
        var buffer = new byte[SigningKey?.Length ?? 0];
        return SigningKey is not null && Convert.TryFromBase64String(SigningKey, buffer, out var written) ? buffer[..written] : null;
    }
}
