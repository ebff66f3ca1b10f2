namespace Routing.Core.Tests;

public sealed class SatisfactionTallyTests
{
    [Fact]
    public void Average_csat_and_net_promoter_score_count_only_the_answers_given()
    {
        var tally = new SatisfactionTally();
        Assert.Null(tally.AverageCsat);
        Assert.Null(tally.NetPromoterScore);

        tally.Add(new CustomerFeedback(5, 10, string.Empty));
        tally.Add(new CustomerFeedback(4, 9, string.Empty));
        tally.Add(new CustomerFeedback(2, 3, "slow"));
        tally.Add(new CustomerFeedback(null, 8, string.Empty));
        tally.Add(new CustomerFeedback(3, null, string.Empty));

        Assert.Equal(3.5, tally.AverageCsat);
        Assert.Equal(25.0, tally.NetPromoterScore);
    }

    [Theory]
    [InlineData(0, null, "", "csat 0 is out of range 1-5")]
    [InlineData(6, null, "", "csat 6 is out of range 1-5")]
    [InlineData(null, 11, "", "nps 11 is out of range 0-10")]
    [InlineData(null, null, " ", "feedback needs a CSAT score, an NPS score or a comment")]
    [InlineData(1, 0, "", null)]
    [InlineData(null, null, "thanks", null)]
    public void Feedback_outside_the_scales_is_refused(int? csat, int? nps, string comment, string? problem) =>
        Assert.Equal(problem, new CustomerFeedback(csat, nps, comment).Problem());
}
