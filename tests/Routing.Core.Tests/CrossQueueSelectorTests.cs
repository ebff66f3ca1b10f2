using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class CrossQueueSelectorTests
{
    [Fact]
    public void Agent_primary_queue_comes_before_its_overflow_queue_whatever_the_priority()
    {
        ContactPick[] picks =
        [
            new("q-overflow", "vip", Channel.Voice, QueuePriority: 2, EffectivePriority: 150, EnqueuedAt: T0),
            new("q-main", "regular", Channel.Voice, QueuePriority: 1, EffectivePriority: 10, EnqueuedAt: T0 + Seconds(60)),
        ];

        Assert.Equal(["regular", "vip"], CrossQueueSelector.Order(picks).Select(p => p.ContactId));
    }

    [Fact]
    public void Among_queues_of_equal_standing_the_higher_effective_priority_comes_first()
    {
        ContactPick[] picks =
        [
            new("q-sales", "older", Channel.Chat, 1, 20.5, T0),
            new("q-billing", "urgent", Channel.Email, 1, 20.75, T0 + Seconds(30)),
        ];

        Assert.Equal(["urgent", "older"], CrossQueueSelector.Order(picks).Select(p => p.ContactId));
    }

    [Fact]
    public void Equal_effective_priority_goes_to_the_longest_wait()
    {
        ContactPick[] picks =
        [
            new("q-a", "newer", Channel.Chat, 1, 40, T0 + Seconds(1)),
            new("q-b", "older", Channel.Chat, 1, 40, T0),
        ];

        Assert.Equal(["older", "newer"], CrossQueueSelector.Order(picks).Select(p => p.ContactId));
    }

    [Fact]
    public void Complete_ties_are_ordered_by_queue_id_then_contact_id()
    {
        ContactPick[] picks =
        [
            new("q-b", "c1", Channel.Chat, 1, 40, T0),
            new("q-a", "c9", Channel.Chat, 1, 40, T0),
            new("q-a", "c2", Channel.Chat, 1, 40, T0),
        ];

        Assert.Equal(
            [("q-a", "c2"), ("q-a", "c9"), ("q-b", "c1")],
            CrossQueueSelector.Order(picks).Select(p => (p.QueueId, p.ContactId)));
    }

    [Fact]
    public void No_picks_order_to_an_empty_list()
    {
        Assert.Empty(CrossQueueSelector.Order([]));
    }
}
