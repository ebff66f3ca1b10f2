using System.Threading.Channels;

namespace Routing.IvrAdapter;

/// <summary>
/// The caller's key presses, one line of keys at a time from a reader (stdin here; DTMF events on a real telephony
/// platform). The end of the input means the caller presses nothing more, so every later prompt times out.
/// </summary>
public sealed class CallerKeys
{
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public CallerKeys(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                await lines.Writer.WriteAsync(line.Trim()).ConfigureAwait(false);
            }

            lines.Writer.Complete();
        });
    }

    /// <summary>The next keys, or silence once <paramref name="timeout"/> passes or the input has ended.</summary>
    public async Task<CallerInput> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            return await lines.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false) && lines.Reader.TryRead(out var keys)
                ? new CallerInput(keys)
                : new CallerInput(null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CallerInput(null);
        }
    }

    /// <summary>Completes when the caller presses <paramref name="key"/>; never, if the input ends first.</summary>
    public async Task WaitForKeyAsync(char key, CancellationToken cancellationToken)
    {
        while (await lines.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (lines.Reader.TryRead(out var keys) && keys.Contains(key, StringComparison.Ordinal))
            {
                return;
            }
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }
}
