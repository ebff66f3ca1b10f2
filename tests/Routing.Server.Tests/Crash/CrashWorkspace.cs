using System.Diagnostics;
using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// A crash test's work directory (store, server logs) and its timeline: each step is written to the test's output
/// with the seconds since the test began. On release the directory is deleted after a pass, kept and named after a
/// failure.
/// </summary>
internal sealed class CrashWorkspace(ITestOutputHelper output)
{
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private bool passed;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "routing-tests", "crash-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Writes a step of the test to its output, stamped with the time since it began.</summary>
    public void Mark(string step) => output.WriteLine($"{elapsed.Elapsed.TotalSeconds,6:0.00} s  {step}");

    /// <summary>Everything the test checked held: its files may go.</summary>
    public void Passed() => passed = true;

    /// <summary>Deletes the directory after a pass; after a failure keeps it and says where.</summary>
    public void Release()
    {
        if (!passed)
        {
            output.WriteLine($"server logs and store kept in {Directory}");
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle; the temp folder is cleaned by the OS.
        }
    }
}
