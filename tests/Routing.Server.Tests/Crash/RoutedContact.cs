using Routing.Api.V1;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// A RouteContact that returned: what the caller was told. <paramref name="SentTick"/> and
/// <paramref name="ReturnedTick"/> come from one counter shared by all callers, so "returned before the other was
/// sent" is a fact the test observed, not a guess from clocks.
/// </summary>
internal sealed record RoutedContact(PlannedContact Plan, RouteOutcome Outcome, int Position, string AgentId, long SentTick, long ReturnedTick);
