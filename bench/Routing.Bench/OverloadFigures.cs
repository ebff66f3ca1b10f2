using Grpc.Core;

namespace Routing.Bench;

/// <summary>
/// What the overload scenario measured, with the baselines of the same run it is judged against: the routes per
/// second of the measured lives (the server saturated by --callers) and the route latency of one caller alone.
/// </summary>
internal sealed record OverloadFigures
{
    public required int Callers { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The server's limit of unary calls in flight; null: its default.</summary>
    public required int? MaxCallsInFlight { get; init; }

    /// <summary>RouteContact per second while the measured contacts were routed by --callers closed loops.</summary>
    public required double SaturatedRoutesPerSecond { get; init; }

    /// <summary>Contact lives per second of the measured contacts.</summary>
    public required double SaturatedLivesPerSecond { get; init; }

    /// <summary>RouteContact latency of one caller alone, before the overload.</summary>
    public required Latencies Unloaded { get; init; }

    /// <summary>Routes answered with a decision while the overload callers were running, per second.</summary>
    public required double AdmittedPerSecond { get; init; }

    /// <summary>Contacts the desktops completed while the overload callers were running, per second.</summary>
    public required double CompletedPerSecond { get; init; }

    /// <summary>Latency of every overload route answered with a decision.</summary>
    public required Latencies Admitted { get; init; }

    /// <summary>Latency of every overload route refused with RESOURCE_EXHAUSTED.</summary>
    public required Latencies Shed { get; init; }

    /// <summary>Overload routes that failed otherwise (deadline, unavailable, ...), by status.</summary>
    public required IReadOnlyDictionary<StatusCode, int> Failures { get; init; }

    /// <summary>Accept and complete calls of the desktops that were shed (and retried) during the overload.</summary>
    public required long DesktopSheds { get; init; }

    /// <summary>Offer streams that broke during the overload (a connection reset or closed by the server) and were opened again.</summary>
    public required long StreamsReopened { get; init; }

    public required long WorkingSetBefore { get; init; }

    public required long WorkingSetPeak { get; init; }

    /// <summary>Once the retried routes are answered and every contact is completed.</summary>
    public required long WorkingSetAfter { get; init; }

    /// <summary>From the overload callers told to stop to one caller's route within twice the unloaded p99; null: not within the limit.</summary>
    public required TimeSpan? Recovery { get; init; }

    /// <summary>Routes that ended without an answer during the overload, retried without a deadline once it was over.</summary>
    public required int Retried { get; init; }

    /// <summary>Retried routes that got a decision.</summary>
    public required int RetriedAnswered { get; init; }

    /// <summary>From the retries done to every contact the callers were told of completed; null: not within the limit.</summary>
    public required TimeSpan? Drain { get; init; }

    /// <summary>Request ids sent, shed or not.</summary>
    public required int RequestIds { get; init; }

    /// <summary>Request ids whose caller was told a decision.</summary>
    public required int Told { get; init; }

    /// <summary>Contacts the server holds for the request ids sent.</summary>
    public required int ServerContacts { get; init; }

    /// <summary>Contacts the server holds that no caller was told about.</summary>
    public required int Orphans { get; init; }

    /// <summary>A few orphans' request ids with the statuses their attempts got, in order.</summary>
    public required IReadOnlyList<string> OrphanExamples { get; init; }

    /// <summary>Contacts a caller was told were offered or queued that the server does not hold.</summary>
    public required int Lost { get; init; }
}
