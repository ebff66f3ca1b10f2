using static Routing.Core.Tests.Given;

namespace Routing.Core.Tests;

public class CapacityRulesTests
{
    [Fact]
    public void Idle_blended_agent_can_take_any_channel()
    {
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Blended, [], Channel.Voice));
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Blended, [], Channel.Chat));
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Blended, [], Channel.Email));
    }

    [Theory]
    [InlineData(Channel.Voice)]
    [InlineData(Channel.Chat)]
    [InlineData(Channel.Email)]
    public void One_exclusive_call_blocks_every_other_contact(Channel channel)
    {
        Assert.Equal(CapacityVerdict.BlockedByExclusiveWork, CapacityRules.Check(Blended, [Channel.Voice], channel));
    }

    [Theory]
    [InlineData(Channel.Chat)]
    [InlineData(Channel.Email)]
    public void Exclusive_call_waits_until_the_agent_holds_no_other_work(Channel held)
    {
        Assert.Equal(CapacityVerdict.ExclusiveNeedsIdleAgent, CapacityRules.Check(Blended, [held], Channel.Voice));
    }

    [Fact]
    public void A_call_interrupts_deferrable_email_but_not_chat_and_blocks_new_email_while_held()
    {
        var profile = CapacityProfile.Of(
            (Channel.Voice, new ChannelCapacity(1, Exclusive: true)),
            (Channel.Chat, new ChannelCapacity(1)),
            (Channel.Email, new ChannelCapacity(2, Interruptible: true)));

        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(profile, [Channel.Email, Channel.Email], Channel.Voice));
        Assert.Equal(CapacityVerdict.ExclusiveNeedsIdleAgent, CapacityRules.Check(profile, [Channel.Email, Channel.Chat], Channel.Voice));
        Assert.Equal(CapacityVerdict.BlockedByExclusiveWork, CapacityRules.Check(profile, [Channel.Email, Channel.Voice], Channel.Email));
        Assert.Equal(CapacityVerdict.ExclusiveNeedsIdleAgent, CapacityRules.Check(Blended, [Channel.Email], Channel.Voice));
    }

    [Fact]
    public void Chat_held_does_not_block_more_chats_or_emails()
    {
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Blended, [Channel.Chat], Channel.Chat));
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Blended, [Channel.Chat], Channel.Email));
    }

    [Fact]
    public void Agent_holds_up_to_three_chats_and_two_emails_at_once()
    {
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Digital, [Channel.Chat, Channel.Chat], Channel.Chat));
        Assert.Equal(
            CapacityVerdict.AtChannelCapacity,
            CapacityRules.Check(Digital, [Channel.Chat, Channel.Chat, Channel.Chat], Channel.Chat));
        Assert.Equal(
            CapacityVerdict.Free,
            CapacityRules.Check(Digital, [Channel.Chat, Channel.Chat, Channel.Chat], Channel.Email));
        Assert.Equal(
            CapacityVerdict.Free,
            CapacityRules.Check(Digital, [Channel.Chat, Channel.Chat, Channel.Chat, Channel.Email], Channel.Email));

        Channel[] full = [Channel.Chat, Channel.Email, Channel.Chat, Channel.Email, Channel.Chat];
        Assert.Equal(CapacityVerdict.AtChannelCapacity, CapacityRules.Check(Digital, full, Channel.Chat));
        Assert.Equal(CapacityVerdict.AtChannelCapacity, CapacityRules.Check(Digital, full, Channel.Email));
    }

    [Fact]
    public void Two_emails_do_not_use_up_chat_capacity()
    {
        Assert.Equal(
            CapacityVerdict.AtChannelCapacity,
            CapacityRules.Check(Digital, [Channel.Email, Channel.Email], Channel.Email));
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(Digital, [Channel.Email, Channel.Email], Channel.Chat));
    }

    [Fact]
    public void Channel_missing_from_the_profile_is_not_handled()
    {
        Assert.Equal(CapacityVerdict.ChannelNotHandled, CapacityRules.Check(Digital, [], Channel.Voice));
        Assert.Equal(CapacityVerdict.ChannelNotHandled, CapacityRules.Check(VoiceOnly, [], Channel.Chat));
    }

    [Fact]
    public void Channel_with_zero_capacity_is_not_handled()
    {
        var profile = CapacityProfile.Of((Channel.Chat, new ChannelCapacity(0)), (Channel.Email, new ChannelCapacity(1)));

        Assert.Equal(CapacityVerdict.ChannelNotHandled, CapacityRules.Check(profile, [], Channel.Chat));
    }

    [Fact]
    public void Not_handled_is_reported_before_exclusive_work()
    {
        Assert.Equal(CapacityVerdict.ChannelNotHandled, CapacityRules.Check(VoiceOnly, [Channel.Voice], Channel.Email));
    }

    [Fact]
    public void Non_exclusive_voice_at_its_limit_is_at_channel_capacity_and_leaves_chat_free()
    {
        var profile = CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1)), (Channel.Chat, new ChannelCapacity(2)));

        Assert.Equal(CapacityVerdict.AtChannelCapacity, CapacityRules.Check(profile, [Channel.Voice], Channel.Voice));
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(profile, [Channel.Voice], Channel.Chat));
        Assert.Equal(CapacityVerdict.Free, CapacityRules.Check(profile, [Channel.Chat], Channel.Voice));
    }

    [Fact]
    public void Occupancy_is_the_share_of_total_units_in_use()
    {
        Assert.Equal(0.0, CapacityRules.Occupancy(Digital, []));
        Assert.Equal(0.2, CapacityRules.Occupancy(Digital, [Channel.Chat]), 12);
        Assert.Equal(0.8, CapacityRules.Occupancy(Digital, [Channel.Chat, Channel.Chat, Channel.Chat, Channel.Email]), 12);
        Assert.Equal(1.0, CapacityRules.Occupancy(Digital, [Channel.Chat, Channel.Chat, Channel.Chat, Channel.Email, Channel.Email]));
    }

    [Fact]
    public void Occupancy_counts_the_exclusive_channel_in_the_total_until_a_call_is_held()
    {
        Assert.Equal(1.0 / 6, CapacityRules.Occupancy(Blended, [Channel.Chat]), 12);
        Assert.Equal(1.0, CapacityRules.Occupancy(Blended, [Channel.Voice]));
    }

    [Fact]
    public void Occupancy_of_an_agent_without_capacity_is_full()
    {
        Assert.Equal(1.0, CapacityRules.Occupancy(CapacityProfile.Of(), []));
    }
}
