namespace Routing.EstimatorBench;

/// <summary>The cases the accuracy table covers.</summary>
public static class Scenarios
{
    public static readonly TimeSpan HandleTime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private const double DaySwing = 0.3;

    public static IReadOnlyList<Scenario> All()
    {
        var mu = 1 / HandleTime.TotalSeconds;
        var cases = new List<Scenario>();
        foreach (var servers in new[] { 10, 50, 100 })
        {
            foreach (var load in new[] { 0.9, 1.0, 1.1 })
            {
                cases.Add(new Scenario(
                    $"M/M/{servers}+M",
                    servers,
                    load,
                    IsMarkovian: true,
                    [new LineSpec("line", "general", load * servers * mu, 0)],
                    [new AgentGroupSpec("agent", servers, ["general"])],
                    HandleTime,
                    Patience));
            }
        }

        // Arrivals swinging ±30% over the day around load 1.0.
        cases.Add(new Scenario(
            "daily cycle", 50, 1.0, IsMarkovian: false,
            [new LineSpec("line", "general", 50 * mu, DaySwing)],
            [new AgentGroupSpec("agent", 50, ["general"])],
            HandleTime,
            Patience));

        // Two skills: 30 + 30 dedicated agents and 20 shared ones, the lines loaded unevenly.
        cases.Add(new Scenario(
            "two skills, shared agents", 80, 1.0, IsMarkovian: false,
            [new LineSpec("billing", "billing", 48 * mu, 0), new LineSpec("sales", "sales", 32 * mu, 0)],
            [
                new AgentGroupSpec("billing", 30, ["billing"]),
                new AgentGroupSpec("sales", 30, ["sales"]),
                new AgentGroupSpec("both", 20, ["billing", "sales"]),
            ],
            HandleTime,
            Patience));
        return cases;
    }
}
