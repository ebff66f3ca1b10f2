using Grpc.Core;
using Routing.Client;
using Routing.IvrAdapter;

AdapterSettings settings;
try
{
    settings = AdapterSettings.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"usage error: {e.Message}\n\n{AdapterSettings.Usage}");
    return 2;
}

// Ctrl+C is the caller hanging up: the contact is cancelled rather than left waiting for nobody.
using var hangUp = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    hangUp.Cancel();
};

using var client = new RoutingClient(new RoutingClientOptions
{
    Addresses = [.. settings.Servers],
    BearerToken = settings.Token,
});
var call = new IvrCall(client, settings, new CallerKeys(Console.In), Console.Out);
try
{
    await call.RunAsync(hangUp.Token);
    return 0;
}
catch (Exception e) when (hangUp.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
{
    return 0;
}
catch (RpcException e)
{
    await Console.Error.WriteLineAsync($"error: {e.StatusCode}: {e.Status.Detail}");
    return 1;
}
