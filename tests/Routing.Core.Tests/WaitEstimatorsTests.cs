namespace Routing.Core.Tests;

public sealed class WaitEstimatorsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    // Half-lives long enough that nothing fades noticeably within a test (to 6 decimals), and no backlog refresh.
    private static readonly WaitLearningOptions Options = new(TimeSpan.FromDays(10_000), TimeSpan.FromDays(10_000), 3, 2, TimeSpan.FromDays(10_000));
    private static readonly WaitPriors Priors = new(TimeSpan.FromSeconds(200), TimeSpan.FromSeconds(600));

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
    public void A_fresh_learner_starts_from_the_priors_full_staffing_at_the_configured_handle_time_and_patience()
    {
        var learner = new LineWaitLearner();

        // 4 dedicated agents, and 2 shared with another queue counting for half each until their answers say more.
        Assert.Equal(4.0 / 200, learner.ServiceRate(T0, new StaffedCapacity(4, 0), Priors, Options), 9);
        Assert.Equal(5.0 / 200, learner.ServiceRate(T0, new StaffedCapacity(4, 1), Priors, Options), 9);
        Assert.Equal(1.0 / 600, learner.AbandonmentRate(T0, Priors, Options), 9);
    }

    [Fact]
    public void The_per_agent_rate_is_completions_per_second_an_agent_is_taken_counting_services_under_way_and_wrap_up()
    {
        var learner = new LineWaitLearner();
        learner.ServiceStarted(T0, Options);
        learner.ServiceStarted(T0, Options);
        learner.Completed(T0.AddSeconds(100), TimeSpan.FromSeconds(20), Options);

        // One completion in 100 s + 20 s of wrap-up + 100 s (the second still under way), plus the prior's 2 × 200 s.
        Assert.Equal((1.0 + 2) / (220 + 400), learner.PerAgentServiceRate(T0.AddSeconds(100), Priors, Options), 9);

        // The open service keeps counting: 50 s later it has 150 s, and no completion more.
        Assert.Equal((1.0 + 2) / (270 + 400), learner.PerAgentServiceRate(T0.AddSeconds(150), Priors, Options), 9);
    }

    [Fact]
    public void The_answer_rate_follows_the_staffing_at_once()
    {
        var learner = new LineWaitLearner();
        var withTen = learner.ServiceRate(T0, new StaffedCapacity(10, 0), Priors, Options);

        // Half the agents log out: the rate halves without a single answer to learn it from.
        Assert.Equal(withTen / 2, learner.ServiceRate(T0, new StaffedCapacity(5, 0), Priors, Options), 12);
    }

    [Fact]
    public void Agents_shared_with_other_lines_count_for_the_answers_they_give_this_line_while_it_waits()
    {
        var learner = new LineWaitLearner();
        var staffing = new StaffedCapacity(2, 1);
        learner.StaffingChanged(T0, staffing, Options);

        // 1,000 s with one contact waiting: the nominal shared capacity (1 agent at 1/200 a second) would answer 5;
        // the shared agents answered 8 (and the dedicated ones 3, which say nothing about the share).
        learner.Joined(T0, Options);
        for (var i = 1; i <= 11; i++)
        {
            var at = T0.AddSeconds(1000.0 * i / 11);
            learner.Answered(at, TimeSpan.FromSeconds(1000.0 / 11), bySharedAgent: i <= 8, Options);
            learner.Joined(at, Options);
        }

        // Overall (8 + 2) / (5 + 2); for a line of one, its answers at that length with the overall as the prior.
        var overall = (8.0 + 2) / (5 + 2);
        var multiplier = learner.SharedMultiplier(T0.AddSeconds(1000), Priors, Options);
        Assert.Equal((8 + (2 * overall)) / (5 + 2), multiplier, 6);
        Assert.Equal((2 + multiplier) / 200, learner.ServiceRate(T0.AddSeconds(1000), staffing, Priors, Options), 9);

        // Time while nobody waits says nothing about the share.
        learner.Abandoned(T0.AddSeconds(1000), TimeSpan.Zero, Options);
        Assert.Equal(multiplier, learner.SharedMultiplier(T0.AddSeconds(5000), Priors, Options), 6);
    }

    [Fact]
    public void Theta_is_abandonments_per_second_waited_from_the_prior_patience()
    {
        var learner = new LineWaitLearner();
        learner.Joined(T0, Options);
        learner.Joined(T0, Options);
        learner.Answered(T0.AddSeconds(30), TimeSpan.FromSeconds(30), bySharedAgent: false, Options);
        learner.Abandoned(T0.AddSeconds(90), TimeSpan.FromSeconds(90), Options);

        // One abandonment in 120 s of waiting, plus the prior's 2 abandonments in 2 × 600 s.
        Assert.Equal((1.0 + 2) / (120 + 1200), learner.AbandonmentRate(T0.AddSeconds(90), Priors, Options), 9);
        Assert.Equal(TimeSpan.FromSeconds(30), learner.LastToEnterServiceWait);
    }

    [Fact]
    public void While_contacts_wait_the_rates_are_those_learned_before_the_backlog_began()
    {
        var learner = new LineWaitLearner();
        learner.ServiceStarted(T0, Options);
        learner.ServiceStarted(T0, Options);
        learner.Completed(T0.AddSeconds(100), TimeSpan.Zero, Options);
        learner.Joined(T0.AddSeconds(100), Options);
        var mu = (1.0 + 2) / (200 + 400);
        var theta = 2.0 / 1200;

        // The backlog's own completions and abandonments (what made it as long as it is) do not move its estimates.
        learner.Joined(T0.AddSeconds(150), Options);
        learner.Completed(T0.AddSeconds(160), TimeSpan.Zero, Options);
        learner.Abandoned(T0.AddSeconds(170), TimeSpan.FromSeconds(20), Options);
        Assert.Equal(mu, learner.PerAgentServiceRate(T0.AddSeconds(200), Priors, Options), 9);
        Assert.Equal(theta, learner.AbandonmentRate(T0.AddSeconds(200), Priors, Options), 9);

        // Once nobody waits, everything counts: 2 completions in 100 + 100 + 60 s, 1 abandonment in 20 + 100 s waited.
        learner.Abandoned(T0.AddSeconds(200), TimeSpan.FromSeconds(100), Options);
        Assert.Equal((2.0 + 2) / (260 + 400), learner.PerAgentServiceRate(T0.AddSeconds(200), Priors, Options), 9);
        Assert.Equal((2.0 + 2) / (120 + 1200), learner.AbandonmentRate(T0.AddSeconds(200), Priors, Options), 9);
    }

    [Fact]
    public void A_long_backlog_has_its_rates_retaken_every_refresh_period()
    {
        var options = Options with { BacklogRefresh = TimeSpan.FromSeconds(600) };
        var learner = new LineWaitLearner();
        learner.ServiceStarted(T0, options);
        learner.ServiceStarted(T0, options);
        learner.Joined(T0, options);
        learner.Completed(T0.AddSeconds(100), TimeSpan.Zero, options);
        learner.ServiceStarted(T0.AddSeconds(100), options);
        Assert.Equal(2.0 / 400, learner.PerAgentServiceRate(T0.AddSeconds(599), Priors, options), 9);

        // 600 s into the backlog, the next change retakes its evidence, up to that change: 1 completion in 1,200 s.
        learner.Joined(T0.AddSeconds(600), options);
        Assert.Equal((1.0 + 2) / (1200 + 400), learner.PerAgentServiceRate(T0.AddSeconds(900), Priors, options), 9);
    }

    [Fact]
    public void The_moving_average_keeps_only_the_recent_waits()
    {
        var learner = new LineWaitLearner();
        foreach (var wait in new[] { 100, 10, 20, 30 })
        {
            learner.Joined(T0, Options);
            learner.Answered(T0, TimeSpan.FromSeconds(wait), bySharedAgent: false, Options);
        }

        Assert.Equal(TimeSpan.FromSeconds(20), learner.RecentAverageWait);
    }

    [Fact]
    public void The_selector_keeps_queue_length_with_abandonment_when_another_estimator_is_only_somewhat_better()
    {
        var selector = new EstimatorSelector();
        Assert.Equal(WaitEstimatorKind.QueueLengthWithAbandonment, selector.Choice);

        // Head of line 10 s off, QL_m 11 s off: 83% of QL_m's squared error is not strong evidence.
        for (var i = 0; i < 2 * EstimatorSelector.SustainedAnswers; i++)
        {
            selector.Learn(Predictions(hol: 70, qlm: 71), TimeSpan.FromSeconds(60));
        }

        Assert.Equal(WaitEstimatorKind.QueueLengthWithAbandonment, selector.Choice);
    }

    [Fact]
    public void The_selector_leaves_queue_length_with_abandonment_only_after_sustained_strong_evidence_and_returns_when_it_fades()
    {
        var selector = new EstimatorSelector();

        // Head of line exact, QL_m 30 s off: strongly better from the first answers, but it must last.
        for (var i = 0; i < EstimatorSelector.SustainedAnswers + EstimatorSelector.MinAnswers - 2; i++)
        {
            selector.Learn(Predictions(hol: 60, qlm: 90), TimeSpan.FromSeconds(60));
        }

        Assert.Equal(WaitEstimatorKind.QueueLengthWithAbandonment, selector.Choice);
        selector.Learn(Predictions(hol: 60, qlm: 90), TimeSpan.FromSeconds(60));
        Assert.Equal(WaitEstimatorKind.HeadOfLine, selector.Choice);

        // Then head of line goes wrong and QL_m right: back as soon as head of line is no longer a quarter better.
        var answers = 0;
        while (selector.Choice == WaitEstimatorKind.HeadOfLine)
        {
            selector.Learn(Predictions(hol: 120, qlm: 60), TimeSpan.FromSeconds(60));
            answers++;
        }

        // Its error overtakes three quarters of QL_m's within a few dozen answers: far fewer than it took to leave.
        Assert.InRange(answers, 1, EstimatorSelector.SustainedAnswers / 4);
    }

    private static Dictionary<WaitEstimatorKind, TimeSpan?> Predictions(double hol, double qlm) =>
        Enum.GetValues<WaitEstimatorKind>().ToDictionary(
            k => k,
            k => (TimeSpan?)TimeSpan.FromSeconds(k switch
            {
                WaitEstimatorKind.HeadOfLine => hol,
                WaitEstimatorKind.QueueLengthWithAbandonment => qlm,
                _ => qlm + 50,
            }));
}
