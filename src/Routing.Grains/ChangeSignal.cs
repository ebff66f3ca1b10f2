namespace Routing.Grains;

/// <summary>
/// A version counter with a waitable "something changed" signal, for long-polling watchers (server streams).
/// Lives inside one activation; the waiters are interleaved read-only calls.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify()
    {
        var previous = changed;
        changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    public async Task WaitAsync(TimeSpan maxWait, TimeProvider clock)
    {
        await Task.WhenAny(changed.Task, Task.Delay(maxWait, clock));
    }
}
