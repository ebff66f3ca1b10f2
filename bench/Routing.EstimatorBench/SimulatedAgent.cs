using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>An agent in the simulation: one exclusive voice contact at a time.</summary>
public sealed class SimulatedAgent(string agentId, IReadOnlyDictionary<string, int> skills, IReadOnlyList<string> lineIds)
{
    public static readonly CapacityProfile VoiceOnly = CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true)));

    public string AgentId { get; } = agentId;

    public IReadOnlyDictionary<string, int> Skills { get; } = skills;

    public IReadOnlyList<string> LineIds { get; } = lineIds;

    public bool Busy { get; set; }

    public DateTimeOffset IdleSince { get; set; }

    public string? ServingLineId { get; set; }

    public DateTimeOffset ServingSince { get; set; }

    public QueueMember AsMember() => new(AgentId, 1, AgentPresence.Available, Skills, VoiceOnly, Busy ? [Channel.Voice] : [], IdleSince);

    public AgentWorkView WorkView => new(AgentId, Skills, VoiceOnly, Busy ? [Channel.Voice] : []);
}
