namespace Routing.Core;

/// <summary>
/// What an agent is doing, from its presence and the work it holds: one rule for the agent's own view and for the
/// queues that count their members by it, so the two never disagree.
/// </summary>
public static class AgentActivityRules
{
    /// <param name="presence">The agent's presence.</param>
    /// <param name="held">Contacts the agent holds in any phase (offered, connected, wrap-up).</param>
    /// <param name="heldInWrapUp">Of those, the ones in wrap-up.</param>
    public static AgentActivity Of(AgentPresence presence, int held, int heldInWrapUp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(held);
        ArgumentOutOfRangeException.ThrowIfNegative(heldInWrapUp);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heldInWrapUp, held);
        if (presence == AgentPresence.LoggedOut)
        {
            return AgentActivity.LoggedOut;
        }

        // Offered or connected work makes the agent busy whatever its presence: not ready only stops new work.
        if (held > heldInWrapUp)
        {
            return AgentActivity.Busy;
        }

        if (held > 0)
        {
            return AgentActivity.WrapUp;
        }

        return presence == AgentPresence.NotReady ? AgentActivity.NotReady : AgentActivity.Idle;
    }
}
