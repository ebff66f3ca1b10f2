using Routing.Server;
using Routing.Server.Security;

if (args is [TokenCommand.Name, .. var rest])
{
    return TokenCommand.Run(rest, Console.Out, Console.Error);
}

await RoutingServer.Build(args).RunAsync();
return 0;
