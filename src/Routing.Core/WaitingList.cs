namespace Routing.Core;

/// <summary>
/// A queue's contacts in service order: by effective priority (priority plus aging), then longest wait, then
/// arrival sequence. Offered contacts keep their place so a rejected or expired offer puts them back where they were.
/// Joining, leaving and being offered are O(log n); counts are kept, not recounted, so a long line costs no more per
/// change than a short one.
/// </summary>
public sealed class WaitingList
{
    private readonly Dictionary<string, WaitingContact> byId = new(StringComparer.Ordinal);
    private readonly SortedSet<WaitingContact> ordered;
    private readonly Dictionary<Channel, int> waitingByChannel = [];
    private int offered;
    private int waitingCallbacks;

    public WaitingList(AgingPolicy aging, IEnumerable<WaitingContact>? contacts = null)
    {
        ArgumentNullException.ThrowIfNull(aging);
        Aging = aging;
        ordered = new SortedSet<WaitingContact>(new ServiceOrder(aging));
        foreach (var contact in contacts ?? [])
        {
            Add(contact);
        }
    }

    public AgingPolicy Aging { get; }

    /// <summary>Every contact, offered ones included, in service order.</summary>
    public IEnumerable<WaitingContact> All => ordered;

    /// <summary>Contacts not reserved for any agent, in service order.</summary>
    public IEnumerable<WaitingContact> Waiting => ordered.Where(c => !c.IsOffered);

    public int Count => byId.Count;

    /// <summary>Contacts not offered to any agent.</summary>
    public int WaitingCount => byId.Count - offered;

    /// <summary>Contacts of <paramref name="channel"/> not offered to any agent.</summary>
    public int WaitingCountOf(Channel channel) => waitingByChannel.GetValueOrDefault(channel);

    /// <summary>Callers holding the line: waiting, not offered, and not callbacks (which keep their places without holding it).</summary>
    public int HoldingTheLine => WaitingCount - waitingCallbacks;

    public WaitingContact? Get(string contactId) => byId.GetValueOrDefault(contactId);

    public void Add(WaitingContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!byId.TryAdd(contact.ContactId, contact))
        {
            throw new InvalidOperationException($"contact '{contact.ContactId}' is already in the waiting list");
        }

        ordered.Add(contact);
        Tally(contact, 1);
    }

    public WaitingContact? Remove(string contactId)
    {
        if (!byId.Remove(contactId, out var contact))
        {
            return null;
        }

        ordered.Remove(contact);
        Tally(contact, -1);
        return contact;
    }

    /// <summary>Makes a contact a callback; false when it is not in the list.</summary>
    public bool MarkCallback(string contactId)
    {
        if (!byId.TryGetValue(contactId, out var contact))
        {
            return false;
        }

        if (!contact.IsCallback)
        {
            Replace(contact, contact with { IsCallback = true });
        }

        return true;
    }

    /// <summary>Reserves a waiting contact for an agent; false when it is gone or already offered.</summary>
    public bool TryOffer(string contactId, string agentId)
    {
        if (!byId.TryGetValue(contactId, out var contact) || contact.IsOffered)
        {
            return false;
        }

        Replace(contact, contact with { OfferedTo = agentId });
        return true;
    }

    /// <summary>Puts an offered contact back in its place; false unless <paramref name="agentId"/> holds its offer.</summary>
    public bool Return(string contactId, string agentId)
    {
        if (!byId.TryGetValue(contactId, out var contact) || contact.OfferedTo != agentId)
        {
            return false;
        }

        Replace(contact, contact with { OfferedTo = null });
        return true;
    }

    /// <summary>1-based place among contacts not yet offered, or null when not waiting.</summary>
    /// <remarks>
    /// Walks from both ends at once, so it costs the distance to the nearer end: a new arrival (at the tail) or the
    /// head of the line is found at once however long the line.
    /// </remarks>
    public int? PositionOf(string contactId) =>
        byId.TryGetValue(contactId, out var target) && !target.IsOffered ? PlaceOf(target, c => !c.IsOffered, WaitingCount) : null;

    /// <summary>
    /// 1-based place among the waiting contacts of its own channel, or null when not waiting: the contacts served
    /// before it, since a channel's contacts are taken by that channel's capacity (a chat does not wait for the calls
    /// ahead of it), which is the place a wait estimate at that channel's service rate needs. Costs as <see cref="PositionOf"/>.
    /// </summary>
    public int? ChannelPositionOf(string contactId) =>
        byId.TryGetValue(contactId, out var target) && !target.IsOffered
            ? PlaceOf(target, c => !c.IsOffered && c.Channel == target.Channel, WaitingCountOf(target.Channel))
            : null;

    private int? PlaceOf(WaitingContact target, Func<WaitingContact, bool> counts, int counted)
    {
        using var fromHead = ordered.GetEnumerator();
        using var fromTail = ordered.Reverse().GetEnumerator();
        var ahead = 0;
        var behind = 0;
        while (fromHead.MoveNext() && fromTail.MoveNext())
        {
            if (ReferenceEquals(fromHead.Current, target))
            {
                return ahead + 1;
            }

            if (ReferenceEquals(fromTail.Current, target))
            {
                return counted - behind;
            }

            ahead += counts(fromHead.Current) ? 1 : 0;
            behind += counts(fromTail.Current) ? 1 : 0;
        }

        return null;
    }

    /// <summary>
    /// The first waiting contact in service order that the agent can take now: not held for another (preferred)
    /// agent, channel capacity free, and skills meeting the contact's requirements as relaxed by its waiting time.
    /// </summary>
    /// <param name="skip">Contacts to pass over, e.g. those another agent is about to claim.</param>
    public WaitingContact? BestFor(
        AgentWorkView agent, IReadOnlyList<RelaxationStep> relaxation, DateTimeOffset now, Func<WaitingContact, bool>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var takeable = new Dictionary<Channel, bool>();
        foreach (var contact in ordered)
        {
            if (contact.IsOffered || !contact.IsOpenTo(agent.AgentId, now) || (skip is not null && skip(contact)))
            {
                continue;
            }

            if (!takeable.TryGetValue(contact.Channel, out var free))
            {
                free = agent.CanTake(contact.Channel) == CapacityVerdict.Free;
                takeable[contact.Channel] = free;
            }

            if (free && Eligibility.IsEligible(agent.Skills, RequirementsAt(contact, relaxation, now)))
            {
                return contact;
            }
        }

        return null;
    }

    public double EffectivePriority(WaitingContact contact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Aging.EffectivePriority(contact.Priority, now - contact.EnqueuedAt);
    }

    /// <summary>
    /// When <paramref name="contact"/> next opens to more agents: its next relaxation step, or its reservation for a
    /// preferred agent lapsing, whichever comes first; null when neither is ahead.
    /// </summary>
    public static DateTimeOffset? NextWidening(WaitingContact contact, IReadOnlyList<RelaxationStep> relaxation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        DateTimeOffset? step = SkillRelaxation.NextStepAfter(relaxation, now - contact.EnqueuedAt) is { } after ? contact.EnqueuedAt + after : null;
        var lapse = contact.IsReservedAt(now) ? contact.ReservedUntil : null;
        return step is null || (lapse is not null && lapse < step) ? lapse : step;
    }

    public static IReadOnlyList<SkillRequirement> RequirementsAt(
        WaitingContact contact, IReadOnlyList<RelaxationStep> relaxation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return SkillRelaxation.Apply(contact.RequiredSkills, relaxation, now - contact.EnqueuedAt);
    }

    private void Replace(WaitingContact old, WaitingContact updated)
    {
        ordered.Remove(old);
        Tally(old, -1);
        ordered.Add(updated);
        Tally(updated, 1);
        byId[updated.ContactId] = updated;
    }

    private void Tally(WaitingContact contact, int delta)
    {
        if (contact.IsOffered)
        {
            offered += delta;
            return;
        }

        waitingByChannel[contact.Channel] = WaitingCountOf(contact.Channel) + delta;
        if (contact.IsCallback)
        {
            waitingCallbacks += delta;
        }
    }

    private sealed class ServiceOrder(AgingPolicy aging) : IComparer<WaitingContact>
    {
        public int Compare(WaitingContact? x, WaitingContact? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byVirtualArrival = aging.VirtualArrival(x.Priority, x.EnqueuedAt)
                .CompareTo(aging.VirtualArrival(y.Priority, y.EnqueuedAt));
            if (byVirtualArrival != 0)
            {
                return byVirtualArrival;
            }

            // Equal effective priority: the longer wait first, then arrival order.
            var byWait = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
            if (byWait != 0)
            {
                return byWait;
            }

            var bySequence = x.Sequence.CompareTo(y.Sequence);
            return bySequence != 0 ? bySequence : string.CompareOrdinal(x.ContactId, y.ContactId);
        }
    }
}
