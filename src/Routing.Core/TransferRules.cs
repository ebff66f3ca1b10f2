using System.Diagnostics.CodeAnalysis;

namespace Routing.Core;

/// <summary>
/// When an agent may pass a contact on: only a connected contact it holds, never to itself, and only to a queue
/// that exists and takes the contact's channel and (when one is named) to an agent who is logged in and serves that
/// queue. Each check throws <see cref="RoutingRuleException"/> with what is wrong; nothing has changed then.
/// </summary>
public static class TransferRules
{
    /// <summary>The checks that need nothing but the transferring agent's own state.</summary>
    /// <param name="agentId">The transferring agent.</param>
    /// <param name="contactId">The contact to transfer.</param>
    /// <param name="held">The agent's assignment of the contact; <see langword="null"/> when it holds none.</param>
    /// <param name="toAgentId">The agent named as the destination, if any.</param>
    public static void CheckTransferable(string agentId, string contactId, [NotNull] Assignment? held, string? toAgentId)
    {
        if (held is null)
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"agent '{agentId}' does not hold contact '{contactId}'");
        }

        if (held.Phase != AssignmentPhase.Connected)
        {
            throw new RoutingRuleException(
                RuleViolation.FailedPrecondition,
                $"contact '{contactId}' is {held.Phase.ToString().ToLowerInvariant()}: only a connected contact can be transferred");
        }

        if (toAgentId == agentId)
        {
            throw new RoutingRuleException(RuleViolation.InvalidArgument, $"agent '{agentId}' cannot transfer a contact to itself");
        }
    }

    /// <summary>The checks against the destination.</summary>
    /// <param name="queueId">The destination queue.</param>
    /// <param name="queueChannels">The channels it takes; <see langword="null"/> when the queue does not exist.</param>
    /// <param name="channel">The contact's channel.</param>
    /// <param name="toAgentId">The agent named as the destination, if any.</param>
    /// <param name="target">That agent as it is now; <see langword="null"/> when it does not exist (or none was named).</param>
    public static void CheckDestination(string queueId, IReadOnlyCollection<Channel>? queueChannels, Channel channel, string? toAgentId, TransferTarget? target)
    {
        if (queueChannels is null)
        {
            throw new RoutingRuleException(RuleViolation.NotFound, $"queue '{queueId}' does not exist");
        }

        if (!queueChannels.Contains(channel))
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"queue '{queueId}' does not take {channel.ToString().ToLowerInvariant()}");
        }

        if (toAgentId is null)
        {
            return;
        }

        if (target is null)
        {
            throw new RoutingRuleException(RuleViolation.NotFound, $"agent '{toAgentId}' does not exist");
        }

        if (target.Presence == AgentPresence.LoggedOut)
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"agent '{toAgentId}' is logged out");
        }

        if (!target.QueueIds.Contains(queueId))
        {
            throw new RoutingRuleException(RuleViolation.FailedPrecondition, $"agent '{toAgentId}' does not serve queue '{queueId}'");
        }
    }
}
