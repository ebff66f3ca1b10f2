using Routing.Core;

namespace Routing.Abstractions;

/// <summary>Live numbers of one queue.</summary>
[GenerateSerializer, Immutable, Alias("routing.queue-stats")]
public sealed record QueueStats(
    [property: Id(0)] string QueueId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Waiting,
    [property: Id(3)] int Offered,
    [property: Id(4)] TimeSpan LongestWait,
    [property: Id(5)] TimeSpan? EstimatedWaitForNewContact,
    [property: Id(6)] int AgentsLoggedIn,
    [property: Id(7)] int AgentsAvailable,
    [property: Id(8)] int AgentsBusy,
    [property: Id(9)] int AgentsNotReady,
    [property: Id(10)] int AgentsInWrapUp,
    [property: Id(11)] long OffersMade,
    [property: Id(12)] long Answered,
    [property: Id(13)] long Abandoned,
    [property: Id(14)] TimeSpan AverageHandleTime,
    [property: Id(15)] double? AverageCsat = null,
    [property: Id(16)] long CsatResponses = 0,
    [property: Id(17)] double? NetPromoterScore = null,
    [property: Id(18)] PeriodTotals? Window = null,
    [property: Id(19)] PeriodTotals? SinceMidnight = null,
    [property: Id(20)] TimeSpan ServiceLevelTarget = default,
    [property: Id(21)] int ServiceLevelPercent = 0)
{
    public const string CenterId = "*";

    /// <summary>
    /// Several queues as one (the center): contact figures summed, the longest wait the longest; agent figures,
    /// estimates and satisfaction are left out, as one agent may serve several queues.
    /// </summary>
    public static QueueStats Combine(IReadOnlyCollection<QueueStats> queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return new QueueStats(
            CenterId,
            "all queues",
            queues.Sum(q => q.Waiting),
            queues.Sum(q => q.Offered),
            queues.Select(q => q.LongestWait).DefaultIfEmpty(TimeSpan.Zero).Max(),
            null,
            0,
            0,
            0,
            0,
            0,
            queues.Sum(q => q.OffersMade),
            queues.Sum(q => q.Answered),
            queues.Sum(q => q.Abandoned),
            TimeSpan.Zero,
            Window: queues.Aggregate(PeriodTotals.Empty, (sum, q) => sum.Plus(q.Window ?? PeriodTotals.Empty)),
            SinceMidnight: queues.Aggregate(PeriodTotals.Empty, (sum, q) => sum.Plus(q.SinceMidnight ?? PeriodTotals.Empty)));
    }
}
