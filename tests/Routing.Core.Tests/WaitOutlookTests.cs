using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class WaitOutlookTests
{
    private static readonly TimeSpan HandleTime = Seconds(180);

    private static WaitOutlook Outlook(params QueueMember[] members) =>
        new(members, new LineWaitLearner(), new WaitPriors(HandleTime, TimeSpan.FromMinutes(10)), WaitLearningOptions.Default, T0);

    [Fact]
    public void With_nobody_able_to_serve_logged_in_available_the_wait_has_no_bound()
    {
        var outlook = Outlook(
            Member("away", presence: AgentPresence.NotReady, capacity: VoiceOnly),
            Member("unskilled", capacity: VoiceOnly));

        Assert.Null(outlook.Situation(3, Channel.Voice, Needs(("billing", 2)), null));
        Assert.Null(outlook.ExpectedWait(3, Channel.Voice, Needs(("billing", 2)), null, new EstimatorSelector()));
    }

    [Fact]
    public void Each_able_agent_serves_at_its_channel_capacity_and_a_free_one_takes_the_head_of_the_line()
    {
        var busy = Member("busy", skills: Skills(("billing", 3)), held: [Channel.Chat, Channel.Chat, Channel.Chat]);
        var free = Member("free", skills: Skills(("billing", 3)));
        var atCapacity = Outlook(busy).Situation(4, Channel.Chat, Needs(("billing", 2)), Seconds(40))!;
        var withOneFree = Outlook(busy, free).Situation(4, Channel.Chat, Needs(("billing", 2)), Seconds(40))!;

        // Three contacts ahead; with an agent free right now the first of them is about to be offered.
        Assert.Equal(3, atCapacity.Ahead);
        Assert.Equal(2, withOneFree.Ahead);

        // Until a rate is learned it comes from staffing: chat capacity 3 per agent, the configured handle time.
        Assert.Equal(3 / HandleTime.TotalSeconds, atCapacity.ServiceRate, 9);
        Assert.Equal(6 / HandleTime.TotalSeconds, withOneFree.ServiceRate, 9);
        Assert.Equal(Seconds(40), withOneFree.HeadOfLineWait);
    }

    [Fact]
    public void First_in_line_with_an_able_agent_free_waits_nothing()
    {
        var outlook = Outlook(Member("free", skills: Skills(("billing", 3))));

        Assert.True(outlook.AgentFreeFor(Channel.Chat, Needs(("billing", 2))));
        Assert.Equal(TimeSpan.Zero, outlook.ExpectedWait(1, Channel.Chat, Needs(("billing", 2)), null, new EstimatorSelector()));
        Assert.True(outlook.ExpectedWait(2, Channel.Chat, Needs(("billing", 2)), Seconds(5), new EstimatorSelector()) > TimeSpan.Zero);
    }

    [Fact]
    public void A_member_report_that_only_changes_the_work_held_counts_for_the_same_staffing()
    {
        var free = Member("ana", skills: Skills(("billing", 3)));

        Assert.True(free.StaffsLike(free with { Held = [Channel.Chat], Skills = Skills(("billing", 3)) }));
        Assert.False(free.StaffsLike(free with { Presence = AgentPresence.NotReady }));
        Assert.False(free.StaffsLike(free with { Skills = Skills(("billing", 4)) }));
        Assert.False(free.StaffsLike(free with { QueuesServed = 2 }));
        Assert.False(free.StaffsLike(free with { Capacity = CapacityProfile.Of((Channel.Chat, new ChannelCapacity(5))) }));
    }
}
