namespace Routing.Bench;

/// <summary>What one run on one store measured.</summary>
internal sealed record BenchResult(string Store, int Contacts, TimeSpan Routed, TimeSpan Handled, IReadOnlyDictionary<string, long> Writes)
{
    public double RoutedPerSecond => Contacts / Routed.TotalSeconds;

    public double HandledPerSecond => Contacts / Handled.TotalSeconds;

    public double WritesPerContact(string state) => (double)Writes.GetValueOrDefault(state) / Contacts;

    public double TotalWritesPerContact => (double)Writes.Values.Sum() / Contacts;
}
