namespace Routing.Core;

/// <summary>
/// Waiting contacts partitioned by channel, then by <see cref="ContactBucketKey"/> (priority and required skills),
/// each bucket in service order, so a peek judges each bucket by its first contact instead of walking the line.
/// </summary>
/// <remarks>
/// A peek costs two capacity checks per channel; for the B buckets of the channels the agent has room on, two reads
/// of each one's first contact (kept at hand, O(1)); one eligibility check for the bucket that starts first and for
/// each other bucket that starts before the best contact found, plus one look at each contact the caller's skip
/// predicate passes over or that is held for another agent. Real lines have a few buckets (a few skill sets times a
/// few priorities), so a peek costs the same on a line of 100,000 as on one of 100. Hostile input where every contact
/// has a skill set of its own makes every contact a bucket: a peek then looks at each contact once, as the walk of
/// the whole line it replaces did, plus the reads of each bucket's first contact.
/// </remarks>
internal sealed class ContactBuckets(IComparer<WaitingContact> serviceOrder)
{
    private readonly Dictionary<Channel, Dictionary<ContactBucketKey, ContactBucket>> byChannel = [];

    public bool IsEmpty => byChannel.Count == 0;

    public void Add(WaitingContact contact)
    {
        if (!byChannel.TryGetValue(contact.Channel, out var buckets))
        {
            byChannel[contact.Channel] = buckets = [];
        }

        var key = ContactBucketKey.Of(contact);
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = bucket = new ContactBucket(serviceOrder);
        }

        bucket.Add(contact);
    }

    /// <summary>Takes the contact out; empty buckets go, so a peek's cost follows the buckets there are now.</summary>
    public void Remove(WaitingContact contact)
    {
        var key = ContactBucketKey.Of(contact);
        if (!byChannel.TryGetValue(contact.Channel, out var buckets) || !buckets.TryGetValue(key, out var bucket) || !bucket.Remove(contact))
        {
            throw new InvalidOperationException($"contact '{contact.ContactId}' is not in its bucket");
        }

        if (bucket.IsEmpty)
        {
            buckets.Remove(key);
            if (buckets.Count == 0)
            {
                byChannel.Remove(contact.Channel);
            }
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

        // The bucket that starts first is judged first: an agent that fits the head of the line pays one eligibility
        // check, and every other bucket is then passed over unless it starts before the best found.
        ContactBucket? startsFirst = null;
        WaitingContact? firstOfAll = null;
        foreach (var bucket in BucketsOn(agent))
        {
            var first = bucket.First!;
            if (firstOfAll is null || serviceOrder.Compare(first, firstOfAll) < 0)
            {
                (startsFirst, firstOfAll) = (bucket, first);
            }
        }

        if (startsFirst is null)
        {
            return ahead;
        }

        var best = BestIn(startsFirst, agent, relaxation, now, skip, onlyWidens, ahead, ref visited);
        foreach (var bucket in BucketsOn(agent))
        {
            if (bucket != startsFirst)
            {
                best = BestIn(bucket, agent, relaxation, now, skip, onlyWidens, best, ref visited);
            }
        }

        return best;
    }

    /// <summary>The buckets of the channels the agent has room for one more contact on.</summary>
    private IEnumerable<ContactBucket> BucketsOn(AgentWorkView agent)
    {
        foreach (var (channel, buckets) in byChannel)
        {
            if (agent.CanTake(channel) != CapacityVerdict.Free)
            {
                continue;
            }

            foreach (var bucket in buckets.Values)
            {
                yield return bucket;
            }
        }
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
        // Read before any enumerator is made: most buckets are passed over on their first contact alone.
        if (best is not null && serviceOrder.Compare(bucket.First, best) > 0)
        {
            return best;
        }

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
