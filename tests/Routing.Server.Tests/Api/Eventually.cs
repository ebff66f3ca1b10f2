namespace Routing.Server.Tests.Api;

/// <summary>Polls a condition until it holds or a deadline passes; never a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> until, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The next message of a server stream, or a failure naming what was expected.</summary>
    public static async Task<T> Next<T>(Grpc.Core.IAsyncStreamReader<T> stream, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            if (await stream.MoveNext(cts.Token))
            {
                return stream.Current;
            }
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Cancelled && cts.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"stream ended or timed out waiting for {what}");
    }

    /// <summary>Skips stream messages until one matches; intermediate updates (a changed reason) are legitimate.</summary>
    public static async Task<T> NextMatching<T>(Grpc.Core.IAsyncStreamReader<T> stream, Func<T, bool> match, string what)
    {
        while (true)
        {
            var message = await Next(stream, what);
            if (match(message))
            {
                return message;
            }
        }
    }
}
