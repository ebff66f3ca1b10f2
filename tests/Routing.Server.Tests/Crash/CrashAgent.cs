using Routing.Api.V1;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// An agent of the crash tests' center and how its desktop behaves: <paramref name="KeepsFirstAccepted"/> holds
/// the first contact it accepts until the end (so some contacts are connected at the kill); every later accepted
/// contact is completed at once.
/// </summary>
internal sealed record CrashAgent(string AgentId, Channel Channel, int MaxConcurrent, bool Exclusive, bool KeepsFirstAccepted);
