namespace Routing.Core.Tests;

/// <summary>Small builders shared by the tests: a fixed clock origin, the usual capacity profiles, agents and contacts.</summary>
internal static class Given
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>One exclusive call, nothing else.</summary>
    public static CapacityProfile VoiceOnly => CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true)));

    /// <summary>Three chats and two emails at once.</summary>
    public static CapacityProfile Digital => CapacityProfile.Of(
        (Channel.Chat, new ChannelCapacity(3)),
        (Channel.Email, new ChannelCapacity(2)));

    /// <summary>An exclusive call, or up to three chats and two emails.</summary>
    public static CapacityProfile Blended => CapacityProfile.Of(
        (Channel.Voice, new ChannelCapacity(1, Exclusive: true)),
        (Channel.Chat, new ChannelCapacity(3)),
        (Channel.Email, new ChannelCapacity(2)));

    public static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    public static Dictionary<string, int> Skills(params (string Skill, int Level)[] skills) =>
        skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal);

    public static SkillRequirement[] Needs(params (string Skill, int MinLevel)[] requirements) =>
        requirements.Select(r => new SkillRequirement(r.Skill, r.MinLevel)).ToArray();

    public static QueueMember Member(
        string agentId,
        int queuePriority = 1,
        AgentPresence presence = AgentPresence.Available,
        Dictionary<string, int>? skills = null,
        CapacityProfile? capacity = null,
        Channel[]? held = null,
        DateTimeOffset? idleSince = null) =>
        new(agentId, queuePriority, presence, skills ?? Skills(), capacity ?? Digital, held ?? [], idleSince ?? T0);

    public static WaitingContact Contact(
        string contactId,
        int priority = ContactPriority.Default,
        DateTimeOffset? enqueuedAt = null,
        long sequence = 0,
        Channel channel = Channel.Chat,
        SkillRequirement[]? requires = null) =>
        new(contactId, channel, priority, requires ?? [], enqueuedAt ?? T0, sequence);
}
