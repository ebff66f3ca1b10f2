using System.Runtime.InteropServices;
using Grpc.Core;
using Routing.Cli;
using Routing.Client;

var commands = new Dictionary<string, CommandHandler>(StringComparer.Ordinal)
{
    ["queues"] = QueueCommands.Queues,
    ["stats"] = QueueCommands.Stats,
    ["estimate"] = QueueCommands.Estimate,
    ["agents"] = AgentCommands.List,
    ["agent"] = AgentCommands.Show,
    ["login"] = AgentCommands.Login,
    ["ready"] = AgentCommands.Login,
    ["break"] = AgentCommands.Break,
    ["logout"] = AgentCommands.Logout,
    ["offers"] = OfferCommands.Watch,
    ["accept"] = OfferCommands.Accept,
    ["reject"] = OfferCommands.Reject,
    ["complete"] = OfferCommands.Complete,
    ["end-wrap-up"] = OfferCommands.EndWrapUp,
    ["route"] = ContactCommands.Route,
    ["watch"] = ContactCommands.Watch,
    ["contact"] = ContactCommands.Show,
    ["cancel"] = ContactCommands.Cancel,
    ["ivr"] = IvrCommands.Navigate,
    ["route-ivr"] = IvrCommands.RouteFromIvr,
    ["callback"] = IvrCommands.Callback,
    ["transfer"] = OfferCommands.Transfer,
    ["feedback"] = ContactCommands.Feedback,
};

if (args is ["help" or "-h" or "--help"])
{
    Console.WriteLine(Usage.Text);
    return 0;
}

// Ctrl+C (and kill) end a stream quietly instead of tearing the process down mid-write.
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var arguments = Arguments.Parse(args);
    var server = arguments.Option("server") ?? Environment.GetEnvironmentVariable("ROUTING_SERVER") ?? "http://127.0.0.1:50051";
    if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
    {
        throw new UsageException($"--server '{server}' is not an http(s) URL");
    }

    if (arguments.Command is not { } name || !commands.TryGetValue(name, out var command))
    {
        throw new UsageException(arguments.Command is null ? "no command given" : $"unknown command '{arguments.Command}'");
    }

    using var client = new RoutingClient(new RoutingClientOptions { Address = address });
    await command(client, arguments, stop.Token);
    return 0;
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"usage error: {e.Message}\n\n{Usage.Text}");
    return 2;
}
catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
{
    return 0;
}
catch (RpcException e)
{
    await Console.Error.WriteLineAsync($"error: {e.StatusCode}: {e.Status.Detail}");
    return 1;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
