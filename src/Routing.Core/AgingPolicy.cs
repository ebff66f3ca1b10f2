namespace Routing.Core;

/// <summary>
/// Priority aging with a stated starvation bound. Effective priority grows linearly with waiting time at
/// (Max - Min) / bound per second, so a contact that has waited <see cref="StarvationBound"/> longer than
/// another outranks it whatever their priorities: no work waits forever behind a stream of urgent work.
/// </summary>
/// <remarks>
/// Because every contact in a queue ages at the same rate, their relative order never changes with time:
/// ordering by <see cref="VirtualArrival"/> (arrival moved earlier by priority) is the same as ordering by
/// effective priority at any instant, which keeps the waiting list a plain sorted set.
/// </remarks>
public sealed record AgingPolicy
{
    public AgingPolicy(TimeSpan starvationBound)
    {
        if (starvationBound <= TimeSpan.Zero)
        {
            throw new RoutingRuleException(RuleViolation.InvalidArgument, "the starvation bound must be more than zero");
        }

        StarvationBound = starvationBound;
    }

    public TimeSpan StarvationBound { get; }

    public double RatePerSecond => (ContactPriority.Max - ContactPriority.Min) / StarvationBound.TotalSeconds;

    public double EffectivePriority(int priority, TimeSpan waited) =>
        priority + (RatePerSecond * Math.Max(0, waited.TotalSeconds));

    /// <summary>
    /// Sort key, earliest served first: arrival advanced by priority / rate, scaled to whole numbers
    /// (milliseconds × priority range) so equal effective priorities compare exactly equal, not by rounding.
    /// </summary>
    public long VirtualArrival(int priority, DateTimeOffset enqueuedAt) =>
        (enqueuedAt.ToUnixTimeMilliseconds() * (ContactPriority.Max - ContactPriority.Min))
        - (priority * (long)StarvationBound.TotalMilliseconds);
}
