namespace Routing.Grains;

/// <summary>What a menu session grain persists.</summary>
public sealed class IvrSessionRecord
{
    public Routing.Core.IvrSessionState? Session { get; set; }

    public string? LastRequestId { get; set; }
}
