namespace Routing.Core;

/// <summary>
/// Waiting contacts partitioned by channel, then by <see cref="ContactBucketKey"/> (priority and required skills),
/// each bucket in service order, so a peek judges each bucket by its first contact instead of walking the line.
/// </summary>
/// <remarks>
/// A peek costs one capacity check per channel, then, for the channels the agent has room on, goes through their
/// buckets in the order they start (each bucket's first contact kept at hand) until a bucket starts after the best
/// contact found: one eligibility check per bucket it reaches, plus one look at each contact the caller's skip
/// predicate passes over or that is held for another agent. An agent that fits the head of the line reaches one
/// bucket; one that fits nothing reaches all B of them. Real lines have a few buckets (a few skill sets times a few
/// priorities), so a peek costs the same on a line of 100,000 as on one of 100. Hostile input where every contact
/// has a skill set of its own makes every contact a bucket: a peek by an agent that fits nothing then looks at each
/// contact once, as the walk of the whole line it replaces did. Joining or leaving costs O(log n) in the bucket and
/// O(log B) more when it changes which contact the bucket starts with.
/// </remarks>
internal sealed class ContactBuckets(IComparer<WaitingContact> serviceOrder)
{
    private readonly Dictionary<Channel, Dictionary<ContactBucketKey, ContactBucket>> byChannel = [];

    // Each channel's buckets by their first contact, so a peek stops at the first bucket that starts after its answer.
    private readonly Dictionary<Channel, SortedSet<ContactBucket>> startsByChannel = [];

    public bool IsEmpty => byChannel.Count == 0;

    public void Add(WaitingContact contact)
    {
        if (!byChannel.TryGetValue(contact.Channel, out var buckets))
        {
            byChannel[contact.Channel] = buckets = [];
            startsByChannel[contact.Channel] = new SortedSet<ContactBucket>(Comparer<ContactBucket>.Create((x, y) => serviceOrder.Compare(x.First, y.First)));
        }

        var starts = startsByChannel[contact.Channel];
        var key = ContactBucketKey.Of(contact);
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = bucket = new ContactBucket(serviceOrder);
            bucket.Add(contact);
            starts.Add(bucket);
            return;
        }

        // A bucket is ordered by its first contact: taken out while that changes.
        var startsAnew = serviceOrder.Compare(contact, bucket.First) < 0;
        if (startsAnew)
        {
            starts.Remove(bucket);
        }

        bucket.Add(contact);
        if (startsAnew)
        {
            starts.Add(bucket);
        }
    }

    /// <summary>Takes the contact out; empty buckets go, so a peek's cost follows the buckets there are now.</summary>
    public void Remove(WaitingContact contact)
    {
        var key = ContactBucketKey.Of(contact);
        if (!byChannel.TryGetValue(contact.Channel, out var buckets) || !buckets.TryGetValue(key, out var bucket) || !bucket.Contains(contact))
        {
            throw new InvalidOperationException($"contact '{contact.ContactId}' is not in its bucket");
        }

        var starts = startsByChannel[contact.Channel];
        var wasFirst = serviceOrder.Compare(contact, bucket.First) == 0;
        if (wasFirst)
        {
            starts.Remove(bucket);
        }

        bucket.Remove(contact);
        if (!bucket.IsEmpty)
        {
            if (wasFirst)
            {
                starts.Add(bucket);
            }

            return;
        }

        buckets.Remove(key);
        if (buckets.Count == 0)
        {
            byChannel.Remove(contact.Channel);
            startsByChannel.Remove(contact.Channel);
        }
    }

    /// <summary>
    /// The first contact in service order, among these and <paramref name="ahead"/>, that the agent can take now:
    /// open to it, not skipped, channel capacity free, skills meeting the requirements as relaxed by its wait.
    /// </summary>
    /// <param name="ahead">The best found elsewhere, or null; only contacts served before it are looked at.</param>
    /// <param name="visited">Counts every contact looked at.</param>
    public WaitingContact? BestFor(
        AgentWorkView agent,
        IReadOnlyList<RelaxationStep> relaxation,
        DateTimeOffset now,
        Func<WaitingContact, bool>? skip,
        WaitingContact? ahead,
        ref long visited)
    {
        // Waiting longer widens who may take a contact unless a step raises a minimum (the server refuses such steps);
        // only then must a bucket be looked at past its first open contact.
        var onlyWidens = SkillRelaxation.OnlyWidens(relaxation);

        // Each channel's buckets in the order they start: an agent that fits the head of the line pays one
        // eligibility check, and the buckets that start after the best found are not looked at.
        var best = ahead;
        foreach (var (channel, starts) in startsByChannel)
        {
            if (agent.CanTake(channel) != CapacityVerdict.Free)
            {
                continue;
            }

            foreach (var bucket in starts)
            {
                if (best is not null && serviceOrder.Compare(bucket.First, best) > 0)
                {
                    break;
                }

                best = BestIn(bucket, agent, relaxation, now, skip, onlyWidens, best, ref visited);
            }
        }

        return best;
    }

    private WaitingContact? BestIn(
        ContactBucket bucket,
        AgentWorkView agent,
        IReadOnlyList<RelaxationStep> relaxation,
        DateTimeOffset now,
        Func<WaitingContact, bool>? skip,
        bool onlyWidens,
        WaitingContact? best,
        ref long visited)
    {
        foreach (var contact in bucket.InOrder())
        {
            if (best is not null && serviceOrder.Compare(contact, best) > 0)
            {
                return best;
            }

            visited++;
            if (!IsCandidate(contact, agent, now, skip))
            {
                continue;
            }

            if (IsEligible(contact, agent, relaxation, now))
            {
                return contact;
            }

            // Everyone behind has waited no longer, so is no more relaxed: none of them fits either.
            if (onlyWidens)
            {
                return best;
            }
        }

        return best;
    }

    private static bool IsCandidate(WaitingContact contact, AgentWorkView agent, DateTimeOffset now, Func<WaitingContact, bool>? skip) =>
        contact.IsOpenTo(agent.AgentId, now) && (skip is null || !skip(contact));

    private static bool IsEligible(WaitingContact contact, AgentWorkView agent, IReadOnlyList<RelaxationStep> relaxation, DateTimeOffset now) =>
        Eligibility.IsEligible(agent.Skills, WaitingList.RequirementsAt(contact, relaxation, now));
}
