namespace Routing.Core;

/// <summary>The status an agent sets; whether it is busy or in wrap-up follows from the work it holds.</summary>
public enum AgentPresence
{
    LoggedOut = 0,
    Available = 1,
    NotReady = 2,
}
