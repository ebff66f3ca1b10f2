using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class WaitingListTests
{
    private static readonly AgingPolicy FiveMinuteBound = new(TimeSpan.FromMinutes(5));

    [Fact]
    public void Higher_priority_contact_is_served_before_an_older_lower_priority_one()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("low", priority: 10, enqueuedAt: T0, sequence: 1));
        list.Add(Contact("high", priority: 50, enqueuedAt: T0 + Seconds(10), sequence: 2));

        Assert.Equal(["high", "low"], Ids(list.Waiting));
        Assert.Equal(1, list.PositionOf("high"));
        Assert.Equal(2, list.PositionOf("low"));
    }

    [Fact]
    public void Contacts_of_the_same_priority_are_served_first_come_first_served()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("third", enqueuedAt: T0 + Seconds(2), sequence: 3));
        list.Add(Contact("first", enqueuedAt: T0, sequence: 1));
        list.Add(Contact("second", enqueuedAt: T0 + Seconds(1), sequence: 2));

        Assert.Equal(["first", "second", "third"], Ids(list.Waiting));
    }

    [Fact]
    public void Contacts_arriving_at_the_same_instant_keep_their_arrival_sequence()
    {
        var list = new WaitingList(FiveMinuteBound, [Contact("b", sequence: 2), Contact("c", sequence: 3), Contact("a", sequence: 1)]);

        Assert.Equal(["a", "b", "c"], Ids(list.All));
    }

    [Fact]
    public void Low_priority_contact_that_waited_longer_than_the_bound_is_ahead_of_a_newer_max_priority_one()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("old-low", priority: ContactPriority.Min, enqueuedAt: T0, sequence: 1));
        list.Add(Contact("new-max", priority: ContactPriority.Max, enqueuedAt: T0 + Seconds(301), sequence: 2));

        Assert.Equal(["old-low", "new-max"], Ids(list.Waiting));
        var now = T0 + Seconds(400);
        Assert.True(list.EffectivePriority(list.Get("old-low")!, now) > list.EffectivePriority(list.Get("new-max")!, now));
    }

    [Fact]
    public void Low_priority_contact_just_under_the_bound_is_behind_a_newer_max_priority_one()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("old-low", priority: ContactPriority.Min, enqueuedAt: T0, sequence: 1));
        list.Add(Contact("new-max", priority: ContactPriority.Max, enqueuedAt: T0 + Seconds(299), sequence: 2));

        Assert.Equal(["new-max", "old-low"], Ids(list.Waiting));
        var now = T0 + Seconds(400);
        Assert.True(list.EffectivePriority(list.Get("new-max")!, now) > list.EffectivePriority(list.Get("old-low")!, now));
    }

    [Fact]
    public void Effective_priority_is_priority_plus_aging_at_the_given_instant()
    {
        var list = new WaitingList(FiveMinuteBound);
        var contact = Contact("c1", priority: 20, enqueuedAt: T0);
        list.Add(contact);

        Assert.Equal(20.0, list.EffectivePriority(contact, T0));
        Assert.Equal(40.0, list.EffectivePriority(contact, T0 + Seconds(60)), 9);
    }

    [Fact]
    public void Equal_effective_priority_goes_to_the_contact_that_has_waited_longer()
    {
        // Rate 100/120 per second: priority 3 queued at 09:00:00.000 and priority 6 queued at 09:00:03.600 have
        // exactly the same effective priority at every instant; the class contract says the longer wait is served first.
        var list = new WaitingList(new AgingPolicy(Seconds(120)));
        list.Add(Contact("older", priority: 3, enqueuedAt: T0, sequence: 1));
        list.Add(Contact("newer", priority: 6, enqueuedAt: T0 + TimeSpan.FromMilliseconds(3600), sequence: 2));

        Assert.Equal(["older", "newer"], Ids(list.Waiting));
    }

    [Fact]
    public void Equal_effective_priority_goes_to_the_longer_wait_even_when_the_sequence_says_otherwise()
    {
        // A contact restored or moved into the queue keeps its original enqueue time but gets a later sequence.
        var list = new WaitingList(new AgingPolicy(Seconds(100)));
        list.Add(Contact("newer-max", priority: ContactPriority.Max, enqueuedAt: T0 + Seconds(100), sequence: 1));
        list.Add(Contact("older-min", priority: ContactPriority.Min, enqueuedAt: T0, sequence: 2));

        Assert.Equal(["older-min", "newer-max"], Ids(list.Waiting));
    }

    [Fact]
    public void Offered_contact_keeps_its_place_and_is_not_counted_as_waiting()
    {
        var list = FourInLine();

        Assert.True(list.TryOffer("b", "agent-1"));

        Assert.Equal(["a", "b", "c", "d"], Ids(list.All));
        Assert.Equal(["a", "c", "d"], Ids(list.Waiting));
        Assert.Equal("agent-1", list.Get("b")!.OfferedTo);
        Assert.True(list.Get("b")!.IsOffered);
        Assert.Equal(4, list.Count);
        Assert.Equal(3, list.WaitingCount);
        Assert.Null(list.PositionOf("b"));
        Assert.Equal(1, list.PositionOf("a"));
        Assert.Equal(2, list.PositionOf("c"));
        Assert.Equal(3, list.PositionOf("d"));
    }

    [Fact]
    public void Returned_offer_goes_back_to_the_same_place()
    {
        var list = FourInLine();
        list.TryOffer("b", "agent-1");
        list.Add(Contact("e", enqueuedAt: T0 + Seconds(30), sequence: 5));

        Assert.True(list.Return("b", "agent-1"));

        Assert.Equal(["a", "b", "c", "d", "e"], Ids(list.Waiting));
        Assert.Null(list.Get("b")!.OfferedTo);
        Assert.Equal(2, list.PositionOf("b"));
        Assert.Equal(5, list.WaitingCount);
    }

    [Fact]
    public void Contact_already_offered_cannot_be_offered_again()
    {
        var list = FourInLine();

        Assert.True(list.TryOffer("b", "agent-1"));
        Assert.False(list.TryOffer("b", "agent-2"));
        Assert.False(list.TryOffer("b", "agent-1"));

        Assert.Equal("agent-1", list.Get("b")!.OfferedTo);
        Assert.False(list.TryOffer("unknown", "agent-1"));
    }

    [Fact]
    public void Only_the_agent_holding_the_offer_can_return_it()
    {
        var list = FourInLine();
        list.TryOffer("b", "agent-1");

        Assert.False(list.Return("b", "agent-2"));
        Assert.Equal("agent-1", list.Get("b")!.OfferedTo);
        Assert.False(list.Return("a", "agent-1"));
        Assert.False(list.Return("unknown", "agent-1"));
        Assert.Equal(["a", "c", "d"], Ids(list.Waiting));
    }

    [Fact]
    public void Removing_a_contact_moves_the_ones_behind_it_up()
    {
        var list = FourInLine();

        var removed = list.Remove("b");

        Assert.Equal("b", removed!.ContactId);
        Assert.Equal(["a", "c", "d"], Ids(list.All));
        Assert.Equal(2, list.PositionOf("c"));
        Assert.Null(list.PositionOf("b"));
        Assert.Null(list.Get("b"));
        Assert.Null(list.Remove("b"));
    }

    [Fact]
    public void Removing_an_offered_contact_takes_it_out_of_the_list()
    {
        var list = FourInLine();
        list.TryOffer("c", "agent-1");

        var removed = list.Remove("c");

        Assert.Equal("agent-1", removed!.OfferedTo);
        Assert.Equal(["a", "b", "d"], Ids(list.All));
        Assert.Equal(3, list.Count);
    }

    [Fact]
    public void Adding_a_contact_twice_is_refused_and_changes_nothing()
    {
        var list = FourInLine();

        Assert.Throws<InvalidOperationException>(() => list.Add(Contact("b", priority: 90, sequence: 9)));

        Assert.Equal(["a", "b", "c", "d"], Ids(list.All));
        Assert.Equal(ContactPriority.Default, list.Get("b")!.Priority);
    }

    [Fact]
    public void Best_for_skips_contacts_on_a_channel_the_agent_does_not_take()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("call", priority: 90, sequence: 1, channel: Channel.Voice));
        list.Add(Contact("chat", sequence: 2, channel: Channel.Chat));

        Assert.Equal("chat", list.BestFor(Agent("digital", Digital), [], T0)!.ContactId);
        Assert.Equal("call", list.BestFor(Agent("blended", Blended), [], T0)!.ContactId);
        Assert.Null(list.BestFor(Agent("email-only", CapacityProfile.Of((Channel.Email, new ChannelCapacity(2)))), [], T0));
    }

    [Fact]
    public void Best_for_skips_contacts_on_a_channel_where_the_agent_is_full()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("chat", priority: 90, sequence: 1, channel: Channel.Chat));
        list.Add(Contact("email", sequence: 2, channel: Channel.Email));

        var agent = Agent("a1", Digital, held: [Channel.Chat, Channel.Chat, Channel.Chat]);

        Assert.Equal("email", list.BestFor(agent, [], T0)!.ContactId);
    }

    [Fact]
    public void Best_for_skips_contacts_whose_skills_the_agent_lacks()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("expert", priority: 90, sequence: 1, requires: Needs(("billing", 8))));
        list.Add(Contact("spanish", priority: 50, sequence: 2, requires: Needs(("spanish", 1))));
        list.Add(Contact("basic", sequence: 3, requires: Needs(("billing", 5))));

        Assert.Equal("basic", list.BestFor(Agent("a1", Digital, Skills(("billing", 6))), [], T0)!.ContactId);
    }

    [Fact]
    public void Best_for_skips_offered_contacts()
    {
        var list = FourInLine();
        list.TryOffer("a", "agent-1");

        Assert.Equal("b", list.BestFor(Agent("agent-2", Digital), [], T0 + Seconds(5))!.ContactId);
    }

    [Fact]
    public void Best_for_picks_a_contact_once_relaxation_makes_the_agent_eligible()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("expert", priority: 90, enqueuedAt: T0, sequence: 1, requires: Needs(("billing", 8))));
        list.Add(Contact("basic", enqueuedAt: T0 + Seconds(10), sequence: 2, requires: Needs(("billing", 5))));
        RelaxationStep[] lowerAfterOneMinute = [new(Seconds(60), 2, [])];
        var agent = Agent("a1", Digital, Skills(("billing", 6)));

        Assert.Equal("basic", list.BestFor(agent, lowerAfterOneMinute, T0 + Seconds(59))!.ContactId);
        Assert.Equal("expert", list.BestFor(agent, lowerAfterOneMinute, T0 + Seconds(60))!.ContactId);
    }

    [Fact]
    public void Best_for_finds_nothing_when_no_waiting_contact_fits()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("expert", requires: Needs(("billing", 8))));

        Assert.Null(list.BestFor(Agent("a1", Digital, Skills(("billing", 6))), [new(Seconds(60), 1, [])], T0 + Seconds(600)));
    }

    [Fact]
    public void Requirements_at_relax_with_the_contact_own_waiting_time()
    {
        var contact = Contact("c1", enqueuedAt: T0, requires: Needs(("billing", 8), ("spanish", 5)));
        RelaxationStep[] steps = [new(Seconds(30), 1, ["spanish"])];

        Assert.Equal(Needs(("billing", 8), ("spanish", 5)), WaitingList.RequirementsAt(contact, steps, T0 + Seconds(29)));
        Assert.Equal(Needs(("billing", 7)), WaitingList.RequirementsAt(contact, steps, T0 + Seconds(30)));
    }

    [Fact]
    public void Places_and_counts_follow_offers_returns_callbacks_and_departures()
    {
        var list = FourInLine();
        Assert.True(list.TryOffer("b", "ana"));
        Assert.True(list.MarkCallback("c"));

        Assert.Equal((1, null, 2, 3), (list.PositionOf("a"), list.PositionOf("b"), list.PositionOf("c"), list.PositionOf("d")));
        Assert.Equal((4, 3, 2), (list.Count, list.WaitingCount, list.HoldingTheLine));

        Assert.True(list.Return("b", "ana"));
        list.Remove("a");
        Assert.True(list.TryOffer("c", "ben"));

        Assert.Equal((1, null, 2), (list.PositionOf("b"), list.PositionOf("c"), list.PositionOf("d")));
        Assert.Equal((3, 2, 2), (list.Count, list.WaitingCount, list.HoldingTheLine));
        Assert.False(list.MarkCallback("gone"));
    }

    [Fact]
    public void Every_place_in_a_long_line_is_found_from_either_end()
    {
        var list = new WaitingList(FiveMinuteBound, Enumerable.Range(0, 1001).Select(i => Contact($"c{i}", enqueuedAt: T0 + Seconds(i), sequence: i)));
        for (var i = 0; i < 1001; i += 3)
        {
            Assert.True(list.TryOffer($"c{i}", "ana"));
        }

        var expected = 0;
        foreach (var contact in list.All)
        {
            Assert.Equal(contact.IsOffered ? null : ++expected, list.PositionOf(contact.ContactId));
        }

        Assert.Equal(expected, list.WaitingCount);
    }

    [Fact]
    public void A_contact_next_widens_at_its_next_relaxation_step_or_when_its_reservation_lapses_whichever_is_first()
    {
        RelaxationStep[] steps = [new(Seconds(30), 1, ["spanish"]), new(Seconds(90), 1, ["billing"])];
        var plain = Contact("c1", enqueuedAt: T0);
        var reserved = plain with { ReservedFor = "ana", ReservedUntil = T0 + Seconds(20) };

        Assert.Equal(T0 + Seconds(30), WaitingList.NextWidening(plain, steps, T0 + Seconds(10)));
        Assert.Equal(T0 + Seconds(90), WaitingList.NextWidening(plain, steps, T0 + Seconds(30)));
        Assert.Null(WaitingList.NextWidening(plain, steps, T0 + Seconds(90)));
        Assert.Equal(T0 + Seconds(20), WaitingList.NextWidening(reserved, steps, T0 + Seconds(10)));
        Assert.Equal(T0 + Seconds(20), WaitingList.NextWidening(reserved, [], T0 + Seconds(10)));
        Assert.Equal(T0 + Seconds(30), WaitingList.NextWidening(reserved, steps, T0 + Seconds(25)));
    }

    private static WaitingList FourInLine() => new(
        FiveMinuteBound,
        [
            Contact("a", enqueuedAt: T0, sequence: 1),
            Contact("b", enqueuedAt: T0 + Seconds(1), sequence: 2),
            Contact("c", enqueuedAt: T0 + Seconds(2), sequence: 3),
            Contact("d", enqueuedAt: T0 + Seconds(3), sequence: 4),
        ]);

    private static AgentWorkView Agent(
        string agentId, CapacityProfile capacity, Dictionary<string, int>? skills = null, Channel[]? held = null) =>
        new(agentId, skills ?? Skills(), capacity, held ?? []);

    private static string[] Ids(IEnumerable<WaitingContact> contacts) => contacts.Select(c => c.ContactId).ToArray();

    [Fact]
    public void A_contacts_channel_position_counts_only_the_waiting_contacts_of_its_channel_ahead_of_it()
    {
        var list = new WaitingList(FiveMinuteBound);
        list.Add(Contact("call-1", enqueuedAt: T0, sequence: 1, channel: Channel.Voice));
        list.Add(Contact("chat-1", enqueuedAt: T0 + Seconds(1), sequence: 2, channel: Channel.Chat));
        list.Add(Contact("call-2", enqueuedAt: T0 + Seconds(2), sequence: 3, channel: Channel.Voice));
        list.Add(Contact("chat-2", enqueuedAt: T0 + Seconds(3), sequence: 4, channel: Channel.Chat));
        list.Add(Contact("call-3", enqueuedAt: T0 + Seconds(4), sequence: 5, channel: Channel.Voice));

        Assert.Equal(4, list.PositionOf("chat-2"));
        Assert.Equal(2, list.ChannelPositionOf("chat-2"));
        Assert.Equal(3, list.ChannelPositionOf("call-3"));
        Assert.Equal(1, list.ChannelPositionOf("chat-1"));
        Assert.Equal((3, 2), (list.WaitingCountOf(Channel.Voice), list.WaitingCountOf(Channel.Chat)));
        Assert.Equal(0, list.WaitingCountOf(Channel.Email));

        Assert.True(list.TryOffer("chat-1", "alice"));
        Assert.Equal(1, list.ChannelPositionOf("chat-2"));
        Assert.Null(list.ChannelPositionOf("chat-1"));
        Assert.Equal(1, list.WaitingCountOf(Channel.Chat));

        list.Remove("call-1");
        Assert.Equal(2, list.ChannelPositionOf("call-3"));
        Assert.Equal(2, list.WaitingCountOf(Channel.Voice));
    }
}
