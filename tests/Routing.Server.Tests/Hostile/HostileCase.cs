using Grpc.Core;

namespace Routing.Server.Tests.Hostile;

/// <summary>One hostile or merely broken request, the status it must get and what its message must say.</summary>
public sealed record HostileCase(string Name, StatusCode Expected, string MessageContains, Func<HostileCallers, Task> Call);
