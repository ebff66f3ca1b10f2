using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Routing.Server.Security;

/// <summary>
/// Bearer tokens signed with the configured <see cref="RoutingAuthOptions.SigningKey"/>: for development, tests and
/// small deployments without an identity provider (see <c>mint-token</c> in the README).
/// </summary>
public static class DevelopmentTokens
{
    /// <summary>A token for <paramref name="roles"/>; its subject (whose request ids these are) is <paramref name="subject"/>, else the agent id, else the roles.</summary>
    public static string Mint(RoutingAuthOptions auth, IReadOnlyCollection<string> roles, string? agentId, TimeSpan lifetime, TimeProvider clock, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(clock);
        var key = auth.SigningKeyBytes() ?? throw new InvalidOperationException($"{RoutingAuthOptions.Section}:SigningKey is not set or not base64");
        var unknown = roles.Except(ApiRoles.All).ToList();
        if (roles.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"roles must be some of {string.Join(", ", ApiRoles.All)}", nameof(roles));
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [ApiRoles.RoleClaim] = roles.ToArray() };
        if (agentId is not null)
        {
            claims[ApiRoles.AgentIdClaim] = agentId;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(ApiRoles.SubjectClaim, subject ?? agentId ?? string.Join("+", roles))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
