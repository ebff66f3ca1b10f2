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
    public void The_longest_wait_is_of_the_earliest_arrival_not_offered_whatever_the_service_order()
    {
        var list = new WaitingList(FiveMinuteBound);
        Assert.Null(list.LongestWaitingSince);
        list.Add(Contact("low", priority: 10, enqueuedAt: T0, sequence: 1));
        list.Add(Contact("high", priority: 50, enqueuedAt: T0 + Seconds(10), sequence: 2));
        list.Add(Contact("later", priority: 10, enqueuedAt: T0 + Seconds(20), sequence: 3));

        Assert.Equal(T0, list.LongestWaitingSince);
        Assert.True(list.TryOffer("low", "ana"));
        Assert.Equal(T0 + Seconds(10), list.LongestWaitingSince);
        Assert.True(list.Return("low", "ana"));
        Assert.Equal(T0, list.LongestWaitingSince);
        list.Remove("low");
        list.Remove("high");
        Assert.Equal(T0 + Seconds(20), list.LongestWaitingSince);
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

    [Fact]
    public void A_peek_by_an_agent_that_fits_nothing_in_a_line_of_100000_looks_at_one_contact_per_bucket_not_at_the_line()
    {
        // The skip predicate is asked about every contact a peek considers, so counting its calls counts the peek's
        // work, deterministically. Three priorities of one skill set: three buckets.
        const int LineLength = 100_000;
        const int Priorities = 3;
        var list = new WaitingList(FiveMinuteBound, Enumerable.Range(0, LineLength).Select(i => Contact(
            $"c{i}", priority: 10 + (i % Priorities), enqueuedAt: T0 + TimeSpan.FromMilliseconds(i), sequence: i, requires: Needs(("billing", 5)))));
        var asked = 0;
        bool CountAndKeep(WaitingContact contact)
        {
            asked++;
            return false;
        }

        var now = T0 + Seconds(200);
        RelaxationStep[] lowerByOne = [new(Seconds(30), 1, [])];
        AgentWorkView[] fitNothing =
        [
            Agent("missing-skill", Digital, Skills(("billing", 3))),
            Agent("wrong-channel", VoiceOnly, Skills(("billing", 9))),
            Agent("chats-full", Digital, Skills(("billing", 9)), held: [Channel.Chat, Channel.Chat, Channel.Chat]),
        ];

        foreach (var agent in fitNothing)
        {
            asked = 0;
            Assert.Null(list.BestFor(agent, lowerByOne, now, CountAndKeep));
            Assert.True(asked <= Priorities, $"{agent.AgentId}: the peek asked about {asked} contacts");
        }
    }

    [Fact]
    public void Peek_visits_stay_per_bucket_whoever_asks()
    {
        var list = new WaitingList(FiveMinuteBound, Enumerable.Range(0, 10_000).Select(i => Contact(
            $"c{i}", priority: 10 + (i % 2), enqueuedAt: T0 + Seconds(i), sequence: i, channel: i % 3 == 0 ? Channel.Email : Channel.Chat,
            requires: i % 5 == 0 ? Needs(("spanish", 4)) : Needs(("billing", 5)))));
        var before = list.PeekVisits;

        Assert.Null(list.BestFor(Agent("no-skills", Digital), [], T0 + Seconds(20_000)));

        // Two channels × two priorities × two skill sets.
        Assert.InRange(list.PeekVisits - before, 1, 8);
    }

    [Fact]
    public void Requirements_listed_in_another_order_share_a_bucket()
    {
        var list = new WaitingList(FiveMinuteBound, Enumerable.Range(0, 1_000).Select(i => Contact(
            $"c{i}", enqueuedAt: T0 + Seconds(i), sequence: i,
            requires: i % 2 == 0 ? Needs(("billing", 5), ("spanish", 3)) : Needs(("spanish", 3), ("billing", 5)))));
        var before = list.PeekVisits;

        Assert.Null(list.BestFor(Agent("a1", Digital, Skills(("billing", 9))), [], T0));

        Assert.Equal(1, list.PeekVisits - before);
    }

    [Fact]
    public void Relaxation_reached_by_the_older_contacts_of_a_bucket_opens_them_and_not_the_newer_ones_ahead_in_another()
    {
        // Every contact needs billing >= 8, lowered to 6 after a minute. The urgent ones arrived later and are served
        // first, but at 09:01:05 only the contacts queued by 09:00:05 have been relaxed for the agent at billing 6.
        var list = new WaitingList(FiveMinuteBound);
        for (var i = 0; i < 10; i++)
        {
            list.Add(Contact($"old-{i}", priority: 10, enqueuedAt: T0 + Seconds(i), sequence: i, requires: Needs(("billing", 8))));
            list.Add(Contact($"urgent-{i}", priority: 90, enqueuedAt: T0 + Seconds(30 + i), sequence: 100 + i, requires: Needs(("billing", 8))));
        }

        RelaxationStep[] lowerByTwoAfterAMinute = [new(Seconds(60), 2, [])];
        var agent = Agent("a1", Digital, Skills(("billing", 6)));

        Assert.Null(list.BestFor(agent, lowerByTwoAfterAMinute, T0 + Seconds(59)));
        Assert.Equal("old-0", list.BestFor(agent, lowerByTwoAfterAMinute, T0 + Seconds(65))!.ContactId);
        Assert.Equal("urgent-0", list.BestFor(agent, lowerByTwoAfterAMinute, T0 + Seconds(90))!.ContactId);
        Assert.True(list.TryOffer("old-0", "a1"));
        Assert.Equal("old-1", list.BestFor(agent, lowerByTwoAfterAMinute, T0 + Seconds(65))!.ContactId);
        Assert.Null(list.BestFor(agent, lowerByTwoAfterAMinute, T0 + Seconds(60.5)));
    }

    [Fact]
    public void Contacts_held_for_a_preferred_agent_cost_other_agents_nothing_and_open_to_them_when_the_hold_lapses()
    {
        const int Held = 10_000;
        var list = new WaitingList(FiveMinuteBound, Enumerable.Range(0, Held).Select(i =>
            Contact($"held-{i}", enqueuedAt: T0 + Seconds(i), sequence: i) with { ReservedFor = "ana", ReservedUntil = T0 + Seconds(20_000 + i) }));
        list.Add(Contact("last", enqueuedAt: T0 + Seconds(Held), sequence: Held));
        var ben = Agent("ben", Digital);
        var before = list.PeekVisits;

        Assert.Equal("last", list.BestFor(ben, [], T0 + Seconds(Held))!.ContactId);
        Assert.Equal(1, list.PeekVisits - before);
        Assert.Equal("held-0", list.BestFor(Agent("ana", Digital), [], T0 + Seconds(Held))!.ContactId);

        // Ana can take nothing now (her chats and emails are full): her own held contacts cost her one look per bucket too.
        before = list.PeekVisits;
        var anaFull = Agent("ana", Digital, held: [Channel.Chat, Channel.Chat, Channel.Chat]);
        Assert.Null(list.BestFor(anaFull, [], T0 + Seconds(Held)));
        Assert.Equal(0, list.PeekVisits - before);

        // Two holds lapse: ben may take them, in service order, and the rest still cost him nothing.
        before = list.PeekVisits;
        Assert.Equal("held-0", list.BestFor(ben, [], T0 + Seconds(20_001))!.ContactId);
        Assert.True(list.PeekVisits - before <= 2);

        // A clock read earlier than the last peek still honours the holds as of that time.
        Assert.Equal("last", list.BestFor(ben, [], T0 + Seconds(Held))!.ContactId);
        Assert.Equal("held-0", list.BestFor(Agent("ana", Digital), [], T0 + Seconds(Held))!.ContactId);
    }

    [Fact]
    public void Skipped_contacts_are_passed_over_one_look_each_and_the_next_is_taken()
    {
        var list = new WaitingList(FiveMinuteBound, Enumerable.Range(0, 10_000).Select(i => Contact($"c{i}", enqueuedAt: T0 + Seconds(i), sequence: i)));
        var proposedToOthers = Enumerable.Range(0, 50).Select(i => $"c{i}").ToHashSet(StringComparer.Ordinal);
        var before = list.PeekVisits;

        Assert.Equal("c50", list.BestFor(Agent("a1", Digital), [], T0, c => proposedToOthers.Contains(c.ContactId))!.ContactId);
        Assert.Equal(51, list.PeekVisits - before);
    }

    [Fact]
    public void Best_for_agrees_with_a_walk_of_the_whole_line_through_offers_holds_skips_relaxation_and_a_clock_going_back()
    {
        for (var seed = 1; seed <= 60; seed++)
        {
            CheckAgainstWalk(seed);
        }
    }

    /// <summary>Random lines, agents and peeks, each peek's answer compared with the first match of a walk in order.</summary>
    private static void CheckAgainstWalk(int seed)
    {
        var random = new Random(seed);
        string[] skills = ["billing", "sales", "spanish"];
        string[] agentIds = ["ana", "ben", "cy"];
        Channel[] channels = [Channel.Voice, Channel.Chat, Channel.Email];

        // A few skill sets, one listed in two orders, so buckets hold many contacts each.
        SkillRequirement[][] skillSets =
        [
            [],
            Needs(("billing", 5)),
            Needs(("billing", 5), ("spanish", 3)),
            Needs(("spanish", 3), ("billing", 5)),
            Needs(("sales", 7)),
        ];

        // Now and then a step that raises the minimums, which the core accepts though the server refuses it.
        RelaxationStep[] relaxation = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new RelaxationStep(
            Seconds(random.Next(5, 120)), random.Next(5) == 0 ? -2 : random.Next(0, 3), skills.Where(_ => random.Next(4) == 0).ToList()))];
        var list = new WaitingList(new AgingPolicy(Seconds(random.Next(30, 600))));
        var now = T0;
        var next = 0;
        for (var step = 0; step < 400; step++)
        {
            // Mostly forward, sometimes a little back, as a clock read on another core may be.
            now += TimeSpan.FromMilliseconds(random.Next(-2_000, 8_000));
            var roll = random.Next(10);
            if (roll < 4)
            {
                var reserved = random.Next(4) == 0;
                list.Add(new WaitingContact(
                    $"c{next}",
                    channels[random.Next(channels.Length)],
                    random.Next(4) * 30,
                    skillSets[random.Next(skillSets.Length)],
                    now - TimeSpan.FromMilliseconds(random.Next(0, 1_000)),
                    next,
                    ReservedFor: reserved ? agentIds[random.Next(agentIds.Length)] : null,
                    ReservedUntil: reserved ? now + Seconds(random.Next(-5, 60)) : null));
                next++;
                continue;
            }

            var any = list.All.Skip(random.Next(Math.Max(1, list.Count))).FirstOrDefault();
            if (roll == 4 && any is not null)
            {
                list.TryOffer(any.ContactId, agentIds[random.Next(agentIds.Length)]);
            }
            else if (roll == 5 && any is { OfferedTo: { } holder })
            {
                list.Return(any.ContactId, holder);
            }
            else if (roll == 6 && any is not null)
            {
                list.Remove(any.ContactId);
            }

            var agent = new AgentWorkView(
                agentIds[random.Next(agentIds.Length)],
                skills.Where(_ => random.Next(10) < 7).ToDictionary(s => s, _ => random.Next(1, 11), StringComparer.Ordinal),
                Blended,
                channels.Where(_ => random.Next(3) == 0).ToArray());
            var skipped = list.All.Where(_ => random.Next(5) == 0).Select(c => c.ContactId).ToHashSet(StringComparer.Ordinal);
            bool Skip(WaitingContact contact) => skipped.Contains(contact.ContactId);

            var expected = list.All.FirstOrDefault(c => !c.IsOffered && c.IsOpenTo(agent.AgentId, now) && !Skip(c)
                && agent.CanTake(c.Channel) == CapacityVerdict.Free
                && Eligibility.IsEligible(agent.Skills, WaitingList.RequirementsAt(c, relaxation, now)));
            var best = list.BestFor(agent, relaxation, now, Skip);
            Assert.True(
                ReferenceEquals(expected, best),
                $"seed {seed}, step {step}: BestFor({agent.AgentId}) gave '{best?.ContactId}', the walk '{expected?.ContactId}'");
        }
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
