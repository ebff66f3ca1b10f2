using System.Security.Cryptography;
using System.Text;

namespace Routing.Server.Mapping;

/// <summary>
/// Contact ids are derived from the caller's request id, so a retried RouteContact reaches the same contact grain
/// and gets its first decision back instead of routing a second contact.
/// </summary>
public static class ContactIds
{
    private const int HashBytes = 12;

    public static string FromRequestId(string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestId));
        return "c-" + Convert.ToHexStringLower(hash.AsSpan(0, HashBytes));
    }
}
