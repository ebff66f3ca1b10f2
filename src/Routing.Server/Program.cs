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

await RoutingServer.Build(args).RunAsync();
return 0;
