namespace Routing.Abstractions;

/// <summary>
/// An agent's watcher, told each change with the agent as it now is, so an offer stream writes it without reading
/// the agent again. One-way like <see cref="IChangeObserver.Changed"/>, which the agent still sends when it
/// deactivates (the watcher then watches the next activation).
/// </summary>
[Alias("routing.agent-change-observer")]
public interface IAgentChangeObserver : IChangeObserver
{
    [Alias("agent-changed"), OneWay]
    Task AgentChanged(AgentView view);
}
