namespace Routing.IvrAdapter;

/// <summary>What the caller did at a prompt: keys pressed, or nothing before the prompt's timeout (null keys).</summary>
public readonly record struct CallerInput(string? Keys)
{
    public bool Silent => string.IsNullOrEmpty(Keys);
}
