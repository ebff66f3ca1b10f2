namespace Routing.Server.Tests.Crash;

/// <summary>The outcome of the checks after a restart.</summary>
/// <param name="Problems">Broken promises.</param>
/// <param name="AwaitingCompleteRetry">Contacts that ended while the agent whose complete was in flight at the kill still holds them: the desktop's retry releases them.</param>
internal sealed record CrashVerdict(List<string> Problems, List<(string ContactId, string AgentId)> AwaitingCompleteRetry);
