using System.Globalization;

namespace Routing.Core;

/// <summary>
/// Says in plain words why no agent has taken a waiting contact yet, from the queue's view of its agents:
/// the first gate, in routing order, that every agent fails.
/// </summary>
public static class WaitExplainer
{
    public static string Explain(
        IReadOnlyCollection<QueueMember> members,
        Channel channel,
        IReadOnlyList<SkillRequirement> requirements,
        int? position)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(requirements);
        var channelName = channel.ToString().ToLowerInvariant();
        if (members.Count == 0)
        {
            return "no agent serves this queue";
        }

        var loggedIn = members.Where(m => m.Presence != AgentPresence.LoggedOut).ToList();
        if (loggedIn.Count == 0)
        {
            return members.Count == 1
                ? "the only agent serving this queue is not logged in"
                : Invariant($"none of the {members.Count} agents serving this queue is logged in");
        }

        var skilled = loggedIn.Where(m => Eligibility.IsEligible(m.Skills, requirements)).ToList();
        if (skilled.Count == 0)
        {
            var unmetByAll = requirements.FirstOrDefault(r => loggedIn.All(m => !Eligibility.IsEligible(m.Skills, [r])));
            return unmetByAll is not null
                ? Invariant($"no logged-in agent has {unmetByAll}")
                : Invariant($"no logged-in agent has all of {string.Join(", ", requirements)}");
        }

        var handlesChannel = skilled.Where(m => m.Capacity.For(channel).MaxConcurrent > 0).ToList();
        if (handlesChannel.Count == 0)
        {
            return skilled.Count == 1
                ? Invariant($"the only logged-in agent with the skills does not take {channelName}")
                : Invariant($"none of the {skilled.Count} logged-in agents with the skills takes {channelName}");
        }

        var available = handlesChannel.Where(m => m.Presence == AgentPresence.Available).ToList();
        if (available.Count == 0)
        {
            return handlesChannel.Count == 1
                ? "the only eligible agent is not ready"
                : Invariant($"all {handlesChannel.Count} eligible agents are not ready");
        }

        var verdicts = available.Select(m => m.CanTake(channel)).ToList();
        if (verdicts.All(v => v != CapacityVerdict.Free))
        {
            // An agent whose only work is after-contact work is wrapping up, whatever channel it blocks.
            var wrappingUp = available.Count(m => m.Held.Count > 0 && m.Held.Count == m.HeldInWrapUp);
            var busy = available.Zip(verdicts).Where(p => !(p.First.Held.Count > 0 && p.First.Held.Count == p.First.HeldInWrapUp)).Select(p => p.Second).ToList();
            var atCapacity = busy.Count(v => v == CapacityVerdict.AtChannelCapacity);
            var onExclusive = busy.Count(v => v == CapacityVerdict.BlockedByExclusiveWork);
            var notIdle = busy.Count(v => v == CapacityVerdict.ExclusiveNeedsIdleAgent);
            var parts = new List<string>();
            if (atCapacity > 0)
            {
                parts.Add(Invariant($"{atCapacity} at {channelName} capacity"));
            }

            if (onExclusive > 0)
            {
                parts.Add(Invariant($"{onExclusive} on an exclusive call"));
            }

            if (notIdle > 0)
            {
                parts.Add(Invariant($"{notIdle} still holding other work that {channelName} must wait for"));
            }

            if (wrappingUp > 0)
            {
                parts.Add(Invariant($"{wrappingUp} in wrap-up"));
            }

            if (available.Count == 1)
            {
                return atCapacity == 1
                    ? Invariant($"the only eligible agent is at {channelName} capacity")
                    : Invariant($"the only eligible available agent is busy: {string.Join(", ", parts)}");
            }

            return atCapacity == available.Count
                ? Invariant($"all {available.Count} eligible agents at {channelName} capacity")
                : Invariant($"all {available.Count} eligible available agents are busy: {string.Join(", ", parts)}");
        }

        var free = Count(verdicts.Count(v => v == CapacityVerdict.Free), "eligible agent is", "eligible agents are");
        return position is > 1
            ? Invariant($"{free} free but {Count(position.Value - 1, "contact is", "contacts are")} ahead in line")
            : Invariant($"{free} free: an offer is being made");
    }

    private static string Count(int count, string one, string many) =>
        Invariant($"{count} {(count == 1 ? one : many)}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
