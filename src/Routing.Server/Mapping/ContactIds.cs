using System.Security.Cryptography;
using System.Text;

namespace Routing.Server.Mapping;

/// <summary>
/// Contact ids are derived from the caller's request id, so a retried RouteContact reaches the same contact grain
/// and gets its first decision back instead of routing a second contact. With authentication on, request ids are
/// the caller's own (its token's subject is part of the id): one adapter can neither see another's decision nor
/// take a request id it is yet to use.
/// </summary>
public static class ContactIds
{
    private const int HashBytes = 12;

    // Request ids are refused with control characters, so the request id is what follows the last NUL and no two
    // (caller, request id) pairs meet in one hash input.
    private const char Separator = '\0';

    /// <summary>The contact of <paramref name="requestId"/> sent by <paramref name="caller"/> (a token subject; null without authentication).</summary>
    public static string Of(string? caller, string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caller is null ? requestId : caller + Separator + requestId));
        return "c-" + Convert.ToHexStringLower(hash.AsSpan(0, HashBytes));
    }
}
