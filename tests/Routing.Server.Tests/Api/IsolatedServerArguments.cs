namespace Routing.Server.Tests.Api;

/// <summary>Settings for a server a test builds itself: Orleans ports and cluster of its own, no seed, its own database file.</summary>
internal static class IsolatedServerArguments
{
    public static IEnumerable<string> In(string directory) =>
    [
        $"--Routing:Server:SiloPort={FreePort.Next()}",
        $"--Routing:Server:GatewayPort={FreePort.Next()}",
        $"--Routing:Server:ClusterId=test-{Guid.NewGuid():N}",
        "--Routing:Server:SeedFile=",
        $"--Routing:Storage:Sqlite:DatabasePath={Path.Combine(directory, "routing.db")}",
        "--Logging:LogLevel:Default=Warning",
    ];
}
