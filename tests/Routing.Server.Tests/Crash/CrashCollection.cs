namespace Routing.Server.Tests.Crash;

/// <summary>
/// Crash tests start, kill and restart server processes of their own: one at a time, so two tests never compete for
/// the machine while they time a kill against traffic.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}
