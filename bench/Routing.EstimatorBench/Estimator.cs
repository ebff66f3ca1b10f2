namespace Routing.EstimatorBench;

/// <summary>Every estimate the bench scores for a contact that had to wait, made when it arrived.</summary>
public enum Estimator
{
    /// <summary>The optimal estimator for M/M/s+M: queue length with abandonment at the TRUE s, mu and theta.</summary>
    Floor,

    /// <summary>The floor where the analytic one does not apply: the mean answer time over replays of the future.</summary>
    MonteCarloFloor,

    /// <summary>Queue length without abandonment at the true s and mu: (n + 1) / (s·mu).</summary>
    QueueLengthTrue,

    /// <summary>What the router says: Routing.Core's selector choice over its estimators.</summary>
    Router,

    /// <summary>The router's queue length with abandonment, at the rates it learned.</summary>
    RouterQueueLengthWithAbandonment,

    /// <summary>The router's queue length without abandonment, at the rate it learned.</summary>
    RouterQueueLength,

    /// <summary>Head of line: how long the first contact in line has waited so far.</summary>
    HeadOfLine,

    /// <summary>Routing.Core's last to enter service: the wait of the last contact answered that had to wait.</summary>
    LastToEnterService,

    /// <summary>Last to enter service counting every service start, those answered at once with a zero wait.</summary>
    LastToEnterServiceWithZeros,

    /// <summary>Routing.Core's moving average of recent waits.</summary>
    MovingAverage,

    /// <summary>Asterisk app_queue's holdtime: (3·h + w) / 4 on every answered call.</summary>
    AsteriskHoldTime,

    /// <summary>Salesforce Omni-Channel's estimated wait: weighted mean of the last 10 accepted items' waits within 10 minutes.</summary>
    OmniChannel,
}
