using Routing.Server;
using Routing.Server.Hosting;
using Routing.Server.Security;

if (args is [TokenCommand.Name, .. var rest])
{
    return TokenCommand.Run(rest, Console.Out, Console.Error);
}

if (args is [HealthProbeCommand.Name, .. var probe])
{
    return await HealthProbeCommand.RunAsync(probe, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = RoutingServer.Build(args);
    await app.StartAsync();
}
#pragma warning disable CA1031 // Whatever stopped the start is reported, not left to abort the process.
catch (Exception failure)
#pragma warning restore CA1031
{
    return StartupRefusal.Report(failure, Console.Error);
}

await using (app)
{
    await app.WaitForShutdownAsync();
}

return 0;
