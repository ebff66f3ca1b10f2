using System.Globalization;

namespace Routing.Core;

/// <summary>The durations a setting may take, both ends included.</summary>
public sealed record DurationRange(TimeSpan Min, TimeSpan Max)
{
    public bool Contains(TimeSpan value) => value >= Min && value <= Max;

    public TimeSpan Clamp(TimeSpan value) => value < Min ? Min : value > Max ? Max : value;

    /// <summary>Why <paramref name="value"/> cannot be <paramref name="setting"/>, or null when it is in range.</summary>
    public string? Refusal(string setting, TimeSpan value) => Contains(value) ? null : $"{setting} of {Format(value)} is out of range {this}";

    /// <summary>"1 s to 24 h": how error messages and docs state the range.</summary>
    public override string ToString() => $"{Format(Min)} to {Format(Max)}";

    /// <summary>A duration in the largest whole unit that states it exactly: "7 d", "24 h", "10 min", "1 s", "250 ms".</summary>
    public static string Format(TimeSpan span)
    {
        var ticks = span.Ticks;
        var size = Math.Abs((double)ticks);
        var (unit, per) = ticks == 0 ? ("s", TimeSpan.TicksPerSecond)
            : ticks % TimeSpan.TicksPerDay == 0 ? ("d", TimeSpan.TicksPerDay)
            : ticks % TimeSpan.TicksPerHour == 0 && size < TimeSpan.TicksPerDay * 2 ? ("h", TimeSpan.TicksPerHour)
            : ticks % TimeSpan.TicksPerMinute == 0 && size < TimeSpan.TicksPerHour * 2 ? ("min", TimeSpan.TicksPerMinute)
            : ticks % TimeSpan.TicksPerSecond == 0 ? ("s", TimeSpan.TicksPerSecond)
            : ("ms", TimeSpan.TicksPerMillisecond);
        return string.Create(CultureInfo.InvariantCulture, $"{(double)span.Ticks / per:0.###} {unit}");
    }
}
