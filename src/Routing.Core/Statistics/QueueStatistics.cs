namespace Routing.Core;

/// <summary>
/// A queue's statistics from events, in bounded memory: one bucket per minute of the rolling window (older ones
/// are dropped) and one running total for the current day in the center's time zone (reset at its midnight).
/// Nothing lists past contacts, so memory stays the same however many there were.
/// </summary>
public sealed class QueueStatistics
{
    public List<MinuteTotals> Minutes { get; set; } = [];

    public PeriodTotals Today { get; set; } = PeriodTotals.Empty;

    /// <summary>The local date <see cref="Today"/> covers.</summary>
    public DateOnly Day { get; set; }

    public void Arrived(DateTimeOffset now, StatisticsClock clock) => Record(now, clock, new PeriodTotals(Arrived: 1));

    /// <param name="waited">From arrival to answer.</param>
    /// <param name="firstResponse">Chat and email: the answer is the customer's first response.</param>
    public void Answered(DateTimeOffset now, StatisticsClock clock, TimeSpan waited, TimeSpan target, bool firstResponse) =>
        Record(now, clock, new PeriodTotals(
            Answered: 1,
            AnsweredWithinTarget: waited <= target ? 1 : 0,
            SpeedOfAnswerSeconds: waited.TotalSeconds,
            FirstResponses: firstResponse ? 1 : 0,
            FirstResponseSeconds: firstResponse ? waited.TotalSeconds : 0));

    public void Abandoned(DateTimeOffset now, StatisticsClock clock) => Record(now, clock, new PeriodTotals(Abandoned: 1));

    public void Handled(DateTimeOffset now, StatisticsClock clock, TimeSpan handleTime) =>
        Record(now, clock, new PeriodTotals(Handled: 1, HandleSeconds: handleTime.TotalSeconds));

    /// <summary>A caller arrived at a full line (and was refused, overflowed or offered a callback).</summary>
    public void TurnedAway(DateTimeOffset now, StatisticsClock clock) => Record(now, clock, new PeriodTotals(TurnedAwayFull: 1));

    /// <summary>A contact became a callback, keeping its place without holding the line.</summary>
    public void CallbackScheduled(DateTimeOffset now, StatisticsClock clock) => Record(now, clock, new PeriodTotals(Callbacks: 1));

    public void Rated(DateTimeOffset now, StatisticsClock clock, int csat) =>
        Record(now, clock, new PeriodTotals(CsatResponses: 1, CsatTotal: csat));

    /// <summary>The rolling window ending now (whole minutes: the current one and the ones before it).</summary>
    public PeriodTotals Window(DateTimeOffset now, StatisticsClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var first = MinuteOf(now) - clock.WindowMinutes + 1;
        return Minutes.Where(m => m.Minute >= first).Aggregate(PeriodTotals.Empty, (sum, m) => sum.Plus(m.Totals));
    }

    public PeriodTotals SinceMidnight(DateTimeOffset now, StatisticsClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.LocalDate(now) == Day ? Today : PeriodTotals.Empty;
    }

    private static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;

    private void Record(DateTimeOffset now, StatisticsClock clock, PeriodTotals change)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var day = clock.LocalDate(now);
        Today = day == Day ? Today.Plus(change) : change;
        Day = day;

        var minute = MinuteOf(now);
        var index = Minutes.FindIndex(m => m.Minute == minute);
        if (index >= 0)
        {
            Minutes[index] = Minutes[index] with { Totals = Minutes[index].Totals.Plus(change) };
        }
        else
        {
            Minutes.Add(new MinuteTotals(minute, change));
        }

        Minutes.RemoveAll(m => m.Minute <= minute - clock.WindowMinutes);
    }
}
