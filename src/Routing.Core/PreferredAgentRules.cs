namespace Routing.Core;

/// <summary>
/// Sticky routing: a customer served recently waits first for the agent who served them, for a while, and only
/// while that agent is logged in to the queue; after that any eligible agent may take the contact.
/// </summary>
public static class PreferredAgentRules
{
    /// <summary>The agent a returning customer's contact waits for, and until when; (null, null) for none.</summary>
    /// <param name="lastAgentId">The agent who served the customer's last contact, if any.</param>
    /// <param name="lastServedAt">When that contact ended.</param>
    /// <param name="now">Now.</param>
    /// <param name="period">How recent the last contact must be; zero turns sticky routing off.</param>
    /// <param name="wait">How long the contact waits for that agent; zero turns sticky routing off.</param>
    public static (string? AgentId, DateTimeOffset? Until) ForReturningCustomer(
        string? lastAgentId,
        DateTimeOffset? lastServedAt,
        DateTimeOffset now,
        TimeSpan period,
        TimeSpan wait) =>
        lastAgentId is { } last && lastServedAt > now - period && period > TimeSpan.Zero && wait > TimeSpan.Zero
            ? (last, now + wait)
            : (null, null);

    /// <summary>
    /// Whether waiting for the preferred agent makes sense: only while it is logged in to the queue and could take
    /// the contact at all (it handles the channel and has the skills). A customer whose last call went to a voice-only
    /// agent does not wait for that agent with a chat.
    /// </summary>
    /// <param name="member">The agent as the queue knows it; null when it does not serve the queue.</param>
    public static bool WorthWaitingFor(QueueMember? member, Channel channel, IEnumerable<SkillRequirement> required) =>
        member is not null
        && member.Presence != AgentPresence.LoggedOut
        && CapacityRules.Check(member.Capacity, [], channel) != CapacityVerdict.ChannelNotHandled
        && Eligibility.IsEligible(member.Skills, required);
}
