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
    [property: Id(17)] double? NetPromoterScore = null);
