namespace Routing.Core;

/// <summary>How statistics cut time: the rolling window's length and the time zone whose midnight starts a day.</summary>
public sealed record StatisticsClock(TimeZoneInfo TimeZone, int WindowMinutes)
{
    public static StatisticsClock Utc15Minutes { get; } = new(TimeZoneInfo.Utc, 15);

    public DateOnly LocalDate(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, TimeZone).DateTime);
}
