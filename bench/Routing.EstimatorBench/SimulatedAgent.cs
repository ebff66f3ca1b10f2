using Routing.Core;

namespace Routing.EstimatorBench;

/// <summary>An agent in the simulation: one exclusive voice contact at a time.</summary>
/// <param name="index">Its place in agent-id order, the replay's tie-break order.</param>
/// <param name="lineIndices">The lines it serves (those whose skill it has).</param>
public sealed class SimulatedAgent(string agentId, int index, IReadOnlyDictionary<string, int> skills, IReadOnlyList<int> lineIndices, bool partTime)
{
    public static readonly CapacityProfile VoiceOnly = CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true)));

    public string AgentId { get; } = agentId;

    public int Index { get; } = index;

    public IReadOnlyDictionary<string, int> Skills { get; } = skills;

    public IReadOnlyList<int> LineIndices { get; } = lineIndices;

    public bool PartTime { get; } = partTime;

    /// <summary>Logged in available; off shift it is not ready, finishing what it has but taking nothing new.</summary>
    public bool OnShift { get; set; } = true;

    public bool Busy { get; set; }

    public DateTimeOffset IdleSince { get; set; }

    public int ServingLine { get; set; } = -1;

    public AgentPresence Presence => OnShift ? AgentPresence.Available : AgentPresence.NotReady;

    public QueueMember AsMember() => new(AgentId, 1, Presence, Skills, VoiceOnly, Busy ? [Channel.Voice] : [], IdleSince, QueuesServed: LineIndices.Count);

    /// <summary>Whether it also serves other lines (the router learns the share of it each line gets).</summary>
    public bool Shared => LineIndices.Count > 1;

    public AgentWorkView WorkView => new(AgentId, Skills, VoiceOnly, Busy ? [Channel.Voice] : []);
}
