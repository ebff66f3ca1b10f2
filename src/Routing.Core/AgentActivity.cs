namespace Routing.Core;

/// <summary>What an agent is doing, as supervisors count it: presence combined with the work held.</summary>
public enum AgentActivity
{
    LoggedOut = 0,
    Idle = 1,
    Busy = 2,
    WrapUp = 3,
    NotReady = 4,
}
