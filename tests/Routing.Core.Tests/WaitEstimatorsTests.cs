namespace Routing.Core.Tests;

public sealed class WaitEstimatorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly WaitLearningOptions Options = new(TimeSpan.FromHours(1), 3, TimeSpan.FromSeconds(60), 2);

    [Fact]
    public void Queue_length_estimate_is_n_plus_one_answers_at_the_line_answer_rate()
    {
        // 10 agents at a 300 s handle time answer 1 every 30 s; with 3 ahead, the 4th answer is this contact's.
        Assert.Equal(TimeSpan.FromSeconds(120), WaitEstimators.QueueLength(3, 10.0 / 300));
        Assert.Null(WaitEstimators.QueueLength(3, 0));
    }

    [Fact]
    public void Abandonment_shortens_the_queue_length_estimate_by_the_contacts_ahead_who_give_up()
    {
        var rate = 10.0 / 300;
        var theta = 1.0 / 600;
        var expected = (1 / rate) + (1 / (rate + theta)) + (1 / (rate + (2 * theta)));

        var estimate = WaitEstimators.QueueLengthWithAbandonment(2, rate, theta)!.Value.TotalSeconds;

        Assert.Equal(expected, estimate, 6);
        Assert.True(estimate < WaitEstimators.QueueLength(2, rate)!.Value.TotalSeconds);
        Assert.Equal(WaitEstimators.QueueLength(2, rate), WaitEstimators.QueueLengthWithAbandonment(2, rate, 0));
    }

    [Fact]
    public void Delay_based_estimators_read_the_observed_waits()
    {
        var situation = new WaitSituation(4, 0.1, 0.01, TimeSpan.FromSeconds(70), TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(40));

        Assert.Equal(TimeSpan.FromSeconds(70), WaitEstimators.Estimate(WaitEstimatorKind.HeadOfLine, situation));
        Assert.Equal(TimeSpan.FromSeconds(50), WaitEstimators.Estimate(WaitEstimatorKind.LastToEnterService, situation));
        Assert.Equal(TimeSpan.FromSeconds(40), WaitEstimators.Estimate(WaitEstimatorKind.MovingAverage, situation));
        Assert.Equal(TimeSpan.Zero, WaitEstimators.Estimate(WaitEstimatorKind.HeadOfLine, situation with { HeadOfLineWait = null }));
    }

    [Fact]
    public void The_learner_measures_the_answer_rate_while_backlogged_and_theta_from_abandonments_per_second_waited()
    {
        var learner = new LineWaitLearner();

        // Before enough was seen: staffing at the prior handle time.
        Assert.Equal(4.0 / 200, learner.ServiceRate(T0, 4, TimeSpan.FromSeconds(200), Options), 9);

        // Backlogged from T0 to T0+100 s: three answers (waits 30, 60, 90 s), one abandonment after 20 s. The one-hour
        // half-life barely fades 100 s, hence three decimals.
        learner.Joined(T0, Options);
        learner.Joined(T0, Options);
        learner.Joined(T0, Options);
        learner.Joined(T0, Options);
        learner.Answered(T0.AddSeconds(30), TimeSpan.FromSeconds(30), Options);
        learner.Abandoned(T0.AddSeconds(40), TimeSpan.FromSeconds(20), Options);
        learner.Answered(T0.AddSeconds(60), TimeSpan.FromSeconds(60), Options);
        learner.Answered(T0.AddSeconds(100), TimeSpan.FromSeconds(90), Options);

        Assert.Equal(3.0 / 100, learner.ServiceRate(T0.AddSeconds(100), 4, TimeSpan.FromSeconds(200), Options), 3);
        Assert.Equal(1.0 / 200, learner.AbandonmentRate(T0.AddSeconds(100), Options), 3);
        Assert.Equal(TimeSpan.FromSeconds(90), learner.LastToEnterServiceWait);
        Assert.Equal(TimeSpan.FromSeconds(60), learner.RecentAverageWait);
    }

    [Fact]
    public void The_handle_time_starts_from_the_prior_and_moves_to_what_is_observed()
    {
        var learner = new LineWaitLearner();
        var prior = TimeSpan.FromSeconds(300);
        Assert.Equal(prior, learner.AverageHandleTime(T0, prior, Options));

        // One 0 s contact counts against five at the prior: (5 x 300 + 0) / 6.
        learner.Completed(T0, TimeSpan.Zero, Options);
        Assert.Equal(250, learner.AverageHandleTime(T0, prior, Options).TotalSeconds, 6);

        for (var i = 0; i < 995; i++)
        {
            learner.Completed(T0, TimeSpan.FromSeconds(100), Options);
        }

        Assert.InRange(learner.AverageHandleTime(T0, prior, Options).TotalSeconds, 100, 102);
    }

    [Fact]
    public void The_moving_average_keeps_only_the_recent_waits()
    {
        var learner = new LineWaitLearner();
        foreach (var wait in new[] { 100, 10, 20, 30 })
        {
            learner.Joined(T0, Options);
            learner.Answered(T0, TimeSpan.FromSeconds(wait), Options);
        }

        Assert.Equal(TimeSpan.FromSeconds(20), learner.RecentAverageWait);
    }

    [Fact]
    public void The_selector_starts_with_queue_length_with_abandonment_and_moves_to_the_estimator_that_proves_more_accurate()
    {
        var selector = new EstimatorSelector();
        Assert.Equal(WaitEstimatorKind.QueueLengthWithAbandonment, selector.Choice);

        // Head of line is exact here while the queue-length estimate is 50% off.
        for (var i = 0; i < EstimatorSelector.MinAnswers; i++)
        {
            var predictions = Enum.GetValues<WaitEstimatorKind>().ToDictionary(k => k, k => (TimeSpan?)TimeSpan.FromSeconds(k == WaitEstimatorKind.HeadOfLine ? 60 : 90));
            selector.Learn(predictions, TimeSpan.FromSeconds(60));
        }

        Assert.Equal(WaitEstimatorKind.HeadOfLine, selector.Choice);
    }
}
