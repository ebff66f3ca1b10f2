using System.Diagnostics;

namespace Routing.Server.Tests.Web;

/// <summary>
/// The Chromium the browser tests drive: Debian's <c>chromium</c> package, found (or installed from apt when running
/// as root) by tools/chromium-env.sh, so README's plain test command works on a fresh machine as the PostgreSQL tests do.
/// </summary>
public static class Chromium
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The browser's executable.</summary>
    public static string ExecutablePath => Found.Value;

    private static string Find()
    {
        var script = Path.Combine(Repository.Root(), "tools", "chromium-env.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not run bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
        }

        var path = stdout.Result.Trim();
        if (process.ExitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException($"no Chromium for the browser tests (tools/chromium-env.sh exit {process.ExitCode}): {stderr.Result}");
        }

        return path;
    }
}
