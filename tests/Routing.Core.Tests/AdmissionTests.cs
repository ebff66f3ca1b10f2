namespace Routing.Core.Tests;

public class AdmissionTests
{
    private static readonly Channel[] VoiceAndChat = [Channel.Voice, Channel.Chat];

    [Fact]
    public void A_contact_joins_a_line_below_its_limit_on_a_channel_the_queue_takes()
    {
        Assert.Null(Admission.Refusal("sales", VoiceAndChat, Channel.Chat, isCallback: false, onTheLine: 9, maxWaiting: 10));
    }

    [Fact]
    public void A_channel_the_queue_does_not_take_is_refused_as_a_bad_request_not_as_a_full_line()
    {
        var refusal = Admission.Refusal("sales", VoiceAndChat, Channel.Email, isCallback: false, onTheLine: 0, maxWaiting: 10);

        Assert.Equal(new AdmissionRefusal(RuleViolation.InvalidArgument, "queue 'sales' does not take email", LineFull: false), refusal);
    }

    [Fact]
    public void A_full_line_turns_callers_away_but_callbacks_keep_a_place_without_holding_it()
    {
        var refusal = Admission.Refusal("sales", VoiceAndChat, Channel.Voice, isCallback: false, onTheLine: 10, maxWaiting: 10);

        Assert.Equal(
            new AdmissionRefusal(RuleViolation.FailedPrecondition, "queue 'sales' is full: 10 callers waiting on the line, the maximum is 10", LineFull: true),
            refusal);
        Assert.Null(Admission.Refusal("sales", VoiceAndChat, Channel.Voice, isCallback: true, onTheLine: 10, maxWaiting: 10));
    }

    [Fact]
    public void A_full_queue_overflows_to_its_overflow_queue_once_and_a_ring_of_overflows_ends_where_it_started()
    {
        Assert.Equal("support", Admission.OverflowTo(QueueFullPolicy.Overflow, "support", ["sales"]));
        Assert.Null(Admission.OverflowTo(QueueFullPolicy.Overflow, "sales", ["sales", "support"]));
        Assert.Null(Admission.OverflowTo(QueueFullPolicy.Overflow, null, ["sales"]));
        Assert.Null(Admission.OverflowTo(QueueFullPolicy.Refuse, "support", ["sales"]));
    }

    [Fact]
    public void A_callback_is_offered_only_by_a_full_queue_whose_policy_says_so()
    {
        Assert.True(Admission.OffersCallback(QueueFullPolicy.OfferCallback, lineFull: true));
        Assert.False(Admission.OffersCallback(QueueFullPolicy.OfferCallback, lineFull: false));
        Assert.False(Admission.OffersCallback(QueueFullPolicy.Refuse, lineFull: true));
    }

    [Fact]
    public void A_refusal_says_where_the_contact_overflowed_from_and_offers_the_callback()
    {
        Assert.Equal("queue 'b' is full", Admission.RefusalReason([], "queue 'b' is full", callbackOffered: false));
        Assert.Equal(
            "overflowed from 'a', 'b' (full); queue 'c' is full; a callback is offered: route again with a callback number to keep a place without holding the line",
            Admission.RefusalReason(["a", "b"], "queue 'c' is full", callbackOffered: true));
    }
}
