using System.Diagnostics;
using Routing.Abstractions;

namespace Routing.Grains.Tests;

/// <summary>
/// Waits for state that settles through one-way grain messages (a queue's view of its agents, a contact told it was
/// offered): polls with short pauses and fails with the message at the deadline. Never a fixed sleep.
/// </summary>
internal static class Poll
{
    /// <summary>Long enough for a loaded machine; a passing poll returns in milliseconds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string message)
    {
        if (!await Until(condition, timeout))
        {
            Assert.Fail($"{message} (still not so after {timeout.TotalSeconds:0.#} s)");
        }
    }

    /// <summary>Polls until the condition holds (true) or the deadline passes (false), for tests that must clean up before asserting.</summary>
    public static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            if (started.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(Pause);
        }

        return true;
    }

    /// <summary>Reads until <paramref name="done"/> holds and answers the last value read, so the test can assert it exactly.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, string message, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? Timeout;
        var started = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (started.Elapsed > limit)
            {
                Assert.Fail($"{message} (still not so after {limit.TotalSeconds:0.#} s; last read: {value})");
            }

            await Task.Delay(Pause);
        }
    }

    /// <summary>
    /// A call made as a client makes it after UNAVAILABLE: again until it is answered, within <see cref="Timeout"/>.
    /// An activation being dropped after a failed write refuses calls until the next activation takes over.
    /// </summary>
    public static async Task<T> Answered<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (StoreUnavailableException) when (started.Elapsed < Timeout)
            {
                await Task.Delay(Pause);
            }
        }
    }
}
