namespace Routing.Core;

/// <summary>How a queue chooses among several free, eligible agents for an arriving contact.</summary>
public enum AgentSelectionStrategy
{
    /// <summary>The agent idle the longest: spreads work fairly (the default of most routers).</summary>
    LongestIdle = 1,

    /// <summary>The agent with the highest proficiency in the contact's required skills.</summary>
    BestProficiency = 2,

    /// <summary>The agent using the smallest share of its capacity (concurrent channels).</summary>
    LeastOccupied = 3,

    /// <summary>The next agent after the last one offered, in a fixed order.</summary>
    RoundRobin = 4,
}
