namespace Routing.Core;

/// <summary>
/// A queue's contacts in service order: by effective priority (priority plus aging), then longest wait, then
/// arrival sequence. Offered contacts keep their place so a rejected or expired offer puts them back where they were.
/// Joining, leaving and being offered are O(log n); counts are kept, not recounted, so a long line costs no more per
/// change than a short one.
/// </summary>
/// <remarks>
/// Besides the whole line in order, the contacts not offered are indexed for peeks (<see cref="BestFor"/>): those
/// any agent may take in buckets by channel, priority and required skills (<see cref="ContactBuckets"/>), and those
/// held for a preferred agent in buckets of their own per agent, until a peek at or after their reservation's end
/// moves them to the open ones. A peek then looks at each bucket's first contact, not at every contact, whoever asks.
/// </remarks>
public sealed class WaitingList
{
    private readonly Dictionary<string, WaitingContact> byId = new(StringComparer.Ordinal);
    private readonly ServiceOrder serviceOrder;
    private readonly SortedSet<WaitingContact> ordered;
    private readonly Dictionary<Channel, int> waitingByChannel = [];

    // Not offered, and open to any agent (a reservation, if any, lapsed as of a peek).
    private readonly ContactBuckets open;

    // Not offered, and held for a preferred agent as of the last peek: by that agent, and by when each hold lapses.
    private readonly Dictionary<string, ContactBuckets> reservedFor = new(StringComparer.Ordinal);
    private readonly SortedSet<WaitingContact> reservationsByLapse;

    // Not offered, by arrival: the longest wait is the first, whatever the service order puts ahead of it.
    private readonly SortedSet<WaitingContact> byArrival = new(Comparer<WaitingContact>.Create(static (x, y) =>
    {
        var byTime = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.ContactId, y.ContactId);
    }));

    private int offered;
    private int waitingCallbacks;
    private long peekVisits;

    public WaitingList(AgingPolicy aging, IEnumerable<WaitingContact>? contacts = null)
    {
        ArgumentNullException.ThrowIfNull(aging);
        Aging = aging;
        serviceOrder = new ServiceOrder(aging);
        ordered = new SortedSet<WaitingContact>(serviceOrder);
        open = new ContactBuckets(serviceOrder);
        reservationsByLapse = new SortedSet<WaitingContact>(new LapseOrder(serviceOrder));
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

    /// <summary>When the contact waiting longest (not offered) arrived, or null when none waits: O(1), not a walk of the line.</summary>
    public DateTimeOffset? LongestWaitingSince => byArrival.Min?.EnqueuedAt;

    /// <summary>Contacts looked at by every <see cref="BestFor"/> so far: what peeks cost, for tests and benchmarks.</summary>
    public long PeekVisits => peekVisits;

    public WaitingContact? Get(string contactId) => byId.GetValueOrDefault(contactId);

    public void Add(WaitingContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!byId.TryAdd(contact.ContactId, contact))
        {
            throw new InvalidOperationException($"contact '{contact.ContactId}' is already in the waiting list");
        }

        ordered.Add(contact);
        File(contact);
        Tally(contact, 1);
    }

    public WaitingContact? Remove(string contactId)
    {
        if (!byId.Remove(contactId, out var contact))
        {
            return null;
        }

        ordered.Remove(contact);
        Unfile(contact);
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
    /// <remarks>
    /// Looks at the first contact of each bucket of a channel the agent has room on, among the open contacts and those
    /// held for this agent, not at the whole line (see <see cref="ContactBuckets"/> for the cost). Reservations that
    /// have lapsed by <paramref name="now"/> are first moved to the open contacts, each once.
    /// </remarks>
    /// <param name="skip">Contacts to pass over, e.g. those another agent is about to claim; each one passed over at
    /// the front of a bucket costs a look.</param>
    public WaitingContact? BestFor(
        AgentWorkView agent, IReadOnlyList<RelaxationStep> relaxation, DateTimeOffset now, Func<WaitingContact, bool>? skip = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(relaxation);
        OpenLapsedReservations(now);
        var best = open.BestFor(agent, relaxation, now, skip, ahead: null, ref peekVisits);
        return reservedFor.TryGetValue(agent.AgentId, out var heldForAgent)
            ? heldForAgent.BestFor(agent, relaxation, now, skip, best, ref peekVisits)
            : best;
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
        Unfile(old);
        Tally(old, -1);
        ordered.Add(updated);
        File(updated);
        Tally(updated, 1);
        byId[updated.ContactId] = updated;
    }

    /// <summary>Indexes a contact not offered for peeks: held for its preferred agent while the hold has an end, else open.</summary>
    private void File(WaitingContact contact)
    {
        if (contact.IsOffered)
        {
            return;
        }

        byArrival.Add(contact);

        if (contact is { ReservedFor: { } agentId, ReservedUntil: not null })
        {
            if (!reservedFor.TryGetValue(agentId, out var held))
            {
                reservedFor[agentId] = held = new ContactBuckets(serviceOrder);
            }

            held.Add(contact);
            reservationsByLapse.Add(contact);
            return;
        }

        open.Add(contact);
    }

    private void Unfile(WaitingContact contact)
    {
        if (contact.IsOffered)
        {
            return;
        }

        byArrival.Remove(contact);

        if (reservationsByLapse.Remove(contact))
        {
            UnfileReserved(contact);
            return;
        }

        open.Remove(contact);
    }

    private void UnfileReserved(WaitingContact contact)
    {
        var agentId = contact.ReservedFor!;
        var held = reservedFor[agentId];
        held.Remove(contact);
        if (held.IsEmpty)
        {
            reservedFor.Remove(agentId);
        }
    }

    /// <summary>
    /// Moves the contacts whose hold has ended by <paramref name="now"/> to the open ones, each once. A later peek
    /// with an earlier clock still sees their holds: the peek checks every contact it looks at against
    /// <see cref="WaitingContact.IsOpenTo"/>.
    /// </summary>
    private void OpenLapsedReservations(DateTimeOffset now)
    {
        while (reservationsByLapse.Min is { } lapsed && !lapsed.IsReservedAt(now))
        {
            reservationsByLapse.Remove(lapsed);
            UnfileReserved(lapsed);
            open.Add(lapsed);
        }
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

    /// <summary>Held contacts by when their hold ends, then in service order.</summary>
    private sealed class LapseOrder(IComparer<WaitingContact> serviceOrder) : IComparer<WaitingContact>
    {
        public int Compare(WaitingContact? x, WaitingContact? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byLapse = Nullable.Compare(x.ReservedUntil, y.ReservedUntil);
            return byLapse != 0 ? byLapse : serviceOrder.Compare(x, y);
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
