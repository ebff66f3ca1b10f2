using Routing.Server;

await RoutingServer.Build(args).RunAsync();
