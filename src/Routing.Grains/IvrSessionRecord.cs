namespace Routing.Grains;

/// <summary>What a menu session grain persists.</summary>
public sealed class IvrSessionRecord
{
    public Routing.Core.IvrSessionState? Session { get; set; }

    public string? LastRequestId { get; set; }

    /// <summary>What the last request asked, request id aside (see <see cref="RouteRequest.Fingerprint"/>).</summary>
    public string? LastRequestFingerprint { get; set; }
}
