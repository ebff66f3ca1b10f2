using Routing.Core;

namespace Routing.Abstractions;

/// <summary>What an operator configures about a queue.</summary>
/// <param name="ServiceLevelTarget">Answered within this wait counts toward the service level.</param>
/// <param name="ServiceLevelPercent">The share of contacts that should be answered within the target.</param>
/// <param name="MaxWaiting">Capacity-constrained: at most this many callers wait on the line (callbacks do not hold it).</param>
/// <param name="WhenFull">What happens to a caller arriving at a full line.</param>
/// <param name="OverflowQueueId">Where <see cref="QueueFullPolicy.Overflow"/> sends it.</param>
/// <param name="StarvationBound">A contact that has waited this much longer than another outranks it whatever their priorities.</param>
/// <param name="OfferTimeout">How long an agent has to accept an offer before it returns to the queue.</param>
/// <param name="DefaultHandleTime">The handle time wait estimates start from, until real ones outweigh it.</param>
/// <param name="ExpectedPatience">How long callers are expected to wait before giving up: where the estimates' abandonment
/// rate starts from (<see cref="WaitPriors.DefaultPatience"/> when not configured).</param>
[GenerateSerializer, Immutable, Alias("routing.queue-definition")]
public sealed record QueueDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<Channel> Channels,
    [property: Id(2)] IReadOnlyList<SkillRequirement> DefaultSkills,
    [property: Id(3)] TimeSpan ServiceLevelTarget,
    [property: Id(4)] int ServiceLevelPercent,
    [property: Id(5)] int MaxWaiting,
    [property: Id(6)] IReadOnlyList<RelaxationStep> Relaxation,
    [property: Id(7)] TimeSpan StarvationBound,
    [property: Id(8)] AgentSelectionStrategy Strategy,
    [property: Id(9)] TimeSpan OfferTimeout,
    [property: Id(10)] TimeSpan DefaultHandleTime,
    [property: Id(11)] QueueFullPolicy WhenFull = QueueFullPolicy.Refuse,
    [property: Id(12)] string? OverflowQueueId = null,
    [property: Id(13)] TimeSpan? ExpectedPatience = null)
{
    /// <summary>What the queue's wait estimates start from.</summary>
    public WaitPriors WaitPriors => new(DefaultHandleTime, ExpectedPatience ?? WaitPriors.DefaultPatience);

    /// <summary>The first setting outside <see cref="ConfigurationLimits"/>, or null when every one is within them.</summary>
    public string? FirstOutOfRange() =>
        ConfigurationLimits.ServiceLevelTarget.Refusal("service_level_target", ServiceLevelTarget)
        ?? ConfigurationLimits.ServiceLevelPercent.Refusal("service_level_percent", ServiceLevelPercent)
        ?? ConfigurationLimits.MaxWaiting.Refusal("max_waiting", MaxWaiting)
        ?? ConfigurationLimits.StarvationBound.Refusal("starvation_bound", StarvationBound)
        ?? ConfigurationLimits.OfferTimeout.Refusal("offer_timeout", OfferTimeout)
        ?? ConfigurationLimits.DefaultHandleTime.Refusal("default_handle_time", DefaultHandleTime)
        ?? (ExpectedPatience is { } patience ? ConfigurationLimits.ExpectedPatience.Refusal("expected_patience", patience) : null)
        ?? Relaxation.Select(step => ConfigurationLimits.RelaxationAfter.Refusal("relaxation.after", step.After)
            ?? ConfigurationLimits.LowerMinimumBy.Refusal("relaxation.lower_minimum_by", step.LowerMinimumBy)).FirstOrDefault(p => p is not null);

    /// <summary>Every setting brought within <see cref="ConfigurationLimits"/>: for one stored before they existed.</summary>
    public QueueDefinition WithinLimits() => this with
    {
        ServiceLevelTarget = ConfigurationLimits.ServiceLevelTarget.Clamp(ServiceLevelTarget),
        ServiceLevelPercent = ConfigurationLimits.ServiceLevelPercent.Clamp(ServiceLevelPercent),
        MaxWaiting = ConfigurationLimits.MaxWaiting.Clamp(MaxWaiting),
        StarvationBound = ConfigurationLimits.StarvationBound.Clamp(StarvationBound),
        OfferTimeout = ConfigurationLimits.OfferTimeout.Clamp(OfferTimeout),
        DefaultHandleTime = ConfigurationLimits.DefaultHandleTime.Clamp(DefaultHandleTime),
        ExpectedPatience = ExpectedPatience is { } patience ? ConfigurationLimits.ExpectedPatience.Clamp(patience) : null,
        Relaxation = [.. Relaxation.Select(step => step with
        {
            After = ConfigurationLimits.RelaxationAfter.Clamp(step.After),
            LowerMinimumBy = ConfigurationLimits.LowerMinimumBy.Clamp(step.LowerMinimumBy),
        })],
    };
}
