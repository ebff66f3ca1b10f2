using System.Diagnostics;

namespace Routing.Server.Tests.Tools;

/// <summary>
/// A program the tests need from outside .NET (Chromium, buf), found or installed by its tools/*-env.sh script, which
/// prints its path, so README's plain test command works on a fresh machine as the PostgreSQL tests do.
/// </summary>
public sealed class RepositoryTool(string script)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private readonly Lazy<string> found = new(() => Find(script));

    /// <summary>Debian's <c>chromium</c> package (from apt when running as root), for the browser tests.</summary>
    public static RepositoryTool Chromium { get; } = new("chromium-env.sh");

    /// <summary><c>buf</c> from npm, whose <c>buf curl</c> README uses to call the server through reflection.</summary>
    public static RepositoryTool Buf { get; } = new("buf-env.sh");

    /// <summary>The program's executable.</summary>
    public string ExecutablePath => found.Value;

    private static string Find(string script)
    {
        var path = Path.Combine(Repository.Root(), "tools", script);
        using var process = Process.Start(new ProcessStartInfo("bash", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("could not run bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
        }

        var executable = stdout.Result.Trim();
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"tools/{script} found nothing (exit {process.ExitCode}): {stderr.Result}");
        }

        return executable;
    }
}
