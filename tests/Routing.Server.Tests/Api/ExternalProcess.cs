using System.Diagnostics;
using System.Text;

namespace Routing.Server.Tests.Api;

/// <summary>
/// A child process (dotnet pack, an installed tool, a sample) with its output collected as it comes, so a test can
/// wait for a line, write to its input, and await its exit with a deadline.
/// </summary>
public sealed class ExternalProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private ExternalProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>Everything written to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    public static ExternalProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var started = new ExternalProcess(new Process { StartInfo = info });
        started.process.OutputDataReceived += (_, e) => Append(started.output, e.Data);
        started.process.ErrorDataReceived += (_, e) => Append(started.errors, e.Data);
        started.process.Start();
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Runs to the end and returns its exit code; a process still running after <paramref name="timeout"/> is killed and fails the test.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        using var run = Start(fileName, arguments, workingDirectory);
        var exitCode = await run.WaitForExitAsync(timeout);
        return (exitCode, run.Output, run.Errors);
    }

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until the output holds <paramref name="text"/>, failing with what was written if it never does.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        await Eventually.Get(() => Task.FromResult(Output), o => o.Contains(text, StringComparison.Ordinal) || process.HasExited, $"'{text}' in the output", timeout);
        if (!Output.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the process exited with {process.ExitCode} before writing '{text}'.\noutput:\n{Output}\nerrors:\n{Errors}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{process.StartInfo.FileName} still ran after {timeout}.\noutput:\n{Output}\nerrors:\n{Errors}");
        }

        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.AppendLine(line);
        }
    }
}
