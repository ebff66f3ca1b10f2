namespace Routing.Server.Tests.Crash;

/// <summary>
/// Busy threads at normal priority, as a build or another test run sharing the machine would be, so a timing promise
/// is checked on a loaded machine and not on an idle one. They spin until disposed.
/// </summary>
internal sealed class CpuLoad : IDisposable
{
    // Spins between checks of the stop flag: short enough that disposing returns at once.
    private const int SpinIterations = 10_000;

    private readonly List<Thread> threads;
    private volatile bool stopping;

    private CpuLoad(int threadCount)
    {
        threads = Enumerable.Range(1, threadCount).Select(i => new Thread(Spin) { IsBackground = true, Name = $"cpu-load-{i}" }).ToList();
        threads.ForEach(thread => thread.Start());
    }

    public int ThreadCount => threads.Count;

    /// <summary>Starts <paramref name="threadsPerCore"/> busy threads per core of this machine.</summary>
    public static CpuLoad Start(int threadsPerCore) => new(threadsPerCore * Environment.ProcessorCount);

    public void Dispose()
    {
        stopping = true;
        threads.ForEach(thread => thread.Join());
    }

    private void Spin()
    {
        while (!stopping)
        {
            Thread.SpinWait(SpinIterations);
        }
    }
}
