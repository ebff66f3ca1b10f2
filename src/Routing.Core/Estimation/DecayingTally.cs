namespace Routing.Core;

/// <summary>A sum whose past contributions fade with a half-life in time: recent behaviour counts most.</summary>
public sealed class DecayingTally
{
    public double Value { get; set; }

    public DateTimeOffset? At { get; set; }

    public void Add(double amount, DateTimeOffset now, TimeSpan halfLife)
    {
        Value = ValueAt(now, halfLife) + amount;
        At = now;
    }

    public DecayingTally Copy() => new() { Value = Value, At = At };

    public double ValueAt(DateTimeOffset now, TimeSpan halfLife)
    {
        if (At is not { } at || now <= at)
        {
            return Value;
        }

        return Value * Math.Pow(0.5, (now - at).TotalSeconds / halfLife.TotalSeconds);
    }
}
