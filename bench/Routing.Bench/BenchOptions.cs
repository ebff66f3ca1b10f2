namespace Routing.Bench;

/// <summary>What one run measures: how many contacts, how many agents answer them, how many callers at once.</summary>
internal sealed record BenchOptions(int Contacts, int Agents, int Callers)
{
    public static BenchOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
        }

        return new BenchOptions(Read("--contacts", 400), Read("--agents", 20), Read("--callers", 16));
    }
}
