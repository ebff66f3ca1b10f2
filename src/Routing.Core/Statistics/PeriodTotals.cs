namespace Routing.Core;

/// <summary>
/// A queue's contact figures over one period, as sums so periods and queues add up: contacts that arrived, were
/// answered (and how fast), abandoned, handled (and how long), first responses on chat and email, CSAT, callers
/// turned away by a full line (refused, overflowed or offered a callback), and callbacks scheduled.
/// </summary>
public sealed record PeriodTotals(
    long Arrived = 0,
    long Answered = 0,
    long AnsweredWithinTarget = 0,
    double SpeedOfAnswerSeconds = 0,
    long Abandoned = 0,
    long Handled = 0,
    double HandleSeconds = 0,
    long FirstResponses = 0,
    double FirstResponseSeconds = 0,
    long CsatResponses = 0,
    long CsatTotal = 0,
    long TurnedAwayFull = 0,
    long Callbacks = 0)
{
    public static PeriodTotals Empty { get; } = new();

    /// <summary>Abandoned share of the contacts that left the line (answered or abandoned).</summary>
    public double? AbandonRate => Answered + Abandoned == 0 ? null : (double)Abandoned / (Answered + Abandoned);

    /// <summary>Answered within the target, as a share of the contacts that left the line (answered or abandoned).</summary>
    public double? ServiceLevel => Answered + Abandoned == 0 ? null : (double)AnsweredWithinTarget / (Answered + Abandoned);

    public TimeSpan? AverageSpeedOfAnswer => Answered == 0 ? null : TimeSpan.FromSeconds(SpeedOfAnswerSeconds / Answered);

    public TimeSpan? AverageHandleTime => Handled == 0 ? null : TimeSpan.FromSeconds(HandleSeconds / Handled);

    /// <summary>Chat and email: how long customers waited for an agent's first response.</summary>
    public TimeSpan? AverageFirstResponse => FirstResponses == 0 ? null : TimeSpan.FromSeconds(FirstResponseSeconds / FirstResponses);

    public double? AverageCsat => CsatResponses == 0 ? null : (double)CsatTotal / CsatResponses;

    public PeriodTotals Plus(PeriodTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Arrived + other.Arrived,
            Answered + other.Answered,
            AnsweredWithinTarget + other.AnsweredWithinTarget,
            SpeedOfAnswerSeconds + other.SpeedOfAnswerSeconds,
            Abandoned + other.Abandoned,
            Handled + other.Handled,
            HandleSeconds + other.HandleSeconds,
            FirstResponses + other.FirstResponses,
            FirstResponseSeconds + other.FirstResponseSeconds,
            CsatResponses + other.CsatResponses,
            CsatTotal + other.CsatTotal,
            TurnedAwayFull + other.TurnedAwayFull,
            Callbacks + other.Callbacks);
    }
}
