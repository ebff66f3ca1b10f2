using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>A crash test's work directory (store, server logs): deleted after a pass, kept and named after a failure.</summary>
internal static class CrashFiles
{
    public static string NewWorkDirectory() =>
        Path.Combine(Path.GetTempPath(), "routing-tests", "crash-" + Guid.NewGuid().ToString("N")[..12]);

    public static void Release(string workDirectory, bool passed, ITestOutputHelper output)
    {
        if (!passed)
        {
            output.WriteLine($"server logs and store kept in {workDirectory}");
            return;
        }

        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the temp folder is cleaned by the OS.
        }
    }
}
