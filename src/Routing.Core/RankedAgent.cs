namespace Routing.Core;

/// <summary>An agent in the order a queue would offer it a contact, with the rule that put it there.</summary>
public sealed record RankedAgent(string AgentId, string Reason);
