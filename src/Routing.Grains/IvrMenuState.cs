namespace Routing.Grains;

/// <summary>What a menu grain persists.</summary>
public sealed class IvrMenuState
{
    public IvrMenu? Menu { get; set; }
}
