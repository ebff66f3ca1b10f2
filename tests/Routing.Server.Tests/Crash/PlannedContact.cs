using Routing.Api.V1;

namespace Routing.Server.Tests.Crash;

/// <summary>A contact a caller will route: its request id (hence contact id), channel and priority.</summary>
internal sealed record PlannedContact(int Index, string RequestId, string ContactId, Channel Channel, int Priority, string CustomerId);
