using System.Globalization;

namespace Routing.Core;

/// <summary>The whole numbers a setting may take, both ends included.</summary>
public sealed record CountRange(int Min, int Max)
{
    public bool Contains(long value) => value >= Min && value <= Max;

    public int Clamp(int value) => Math.Clamp(value, Min, Max);

    /// <summary>Why <paramref name="value"/> cannot be <paramref name="setting"/>, or null when it is in range.</summary>
    public string? Refusal(string setting, int value) =>
        Contains(value) ? null : string.Create(CultureInfo.InvariantCulture, $"{setting} {value} is out of range {this}");

    /// <summary>"1-100": how error messages and docs state the range.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
