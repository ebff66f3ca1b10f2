using Orleans.Storage;

namespace Routing.Grains;

/// <summary>
/// A grain state written behind its changes rather than with them: what may lag storage by up to
/// <c>interval</c> (a queue's statistics and learning), so that no decision waits for it. A change marks it dirty and
/// arms a one-shot timer (none while clean); the timer interleaves with the grain's calls and writes one version at
/// a time. A refused write keeps the state in memory and is tried again one interval later; the grain writes what is
/// left when it deactivates (<see cref="FlushAsync"/>).
/// </summary>
internal sealed partial class WriteBehindState<T>(IPersistentState<T> state, Grain grain, TimeSpan interval, ILogger logger)
{
    private IGrainTimer? timer;
    private bool dirty;
    private Task writing = Task.CompletedTask;

    public T State => state.State;

    /// <summary>The state changed in memory: it is written at most one interval from now.</summary>
    public void Changed()
    {
        dirty = true;
        timer ??= grain.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(interval, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>Writes the state now if it changed since its last write.</summary>
    public async Task FlushAsync()
    {
        await writing;
        if (!dirty)
        {
            return;
        }

        dirty = false;
        writing = WriteAsync();
        await writing;
    }

    /// <summary>Clears the stored state, dropping whatever was waiting to be written.</summary>
    public async Task ClearAsync()
    {
        timer?.Dispose();
        timer = null;
        await writing;
        dirty = false;
        await state.ClearOrDeactivateAsync(grain);
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        timer?.Dispose();
        timer = null;
        await FlushAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote it: this one's view is stale, and the next activation reads theirs.
            LogConflict(logger, ex, grain.GrainContext.GrainId);
            grain.DeactivateOnIdle();
        }
        catch (Exception ex)
        {
            // Still in memory and still changing: tried again one interval later.
            LogWriteFailed(logger, ex, grain.GrainContext.GrainId);
            Changed();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} could not write a state it writes behind; it is kept in memory and written again later")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{GrainId} found a state it writes behind written by another activation; this one deactivates")]
    private static partial void LogConflict(ILogger logger, Exception exception, GrainId grainId);
}
