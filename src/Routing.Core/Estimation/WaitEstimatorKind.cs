namespace Routing.Core;

/// <summary>The wait-time estimators the router knows, from the state of the art to the naive baseline.</summary>
public enum WaitEstimatorKind
{
    /// <summary>Queue-length based, optimal for M/M/s: (n + 1) / (s·mu) with n contacts ahead.</summary>
    QueueLength,

    /// <summary>Queue-length based with abandonment (Ibrahim and Whitt): the sum over i = 0..n of 1 / (s·mu + i·theta).</summary>
    QueueLengthWithAbandonment,

    /// <summary>Head of line: the time the contact first in line has waited so far.</summary>
    HeadOfLine,

    /// <summary>Last to enter service: the wait of the contact most recently answered.</summary>
    LastToEnterService,

    /// <summary>The naive baseline: the average wait of recently answered contacts.</summary>
    MovingAverage,
}
