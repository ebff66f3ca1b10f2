using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// The compiled server as a real operating-system process, <c>dotnet Routing.Server.dll</c>, so a test can kill it
/// with SIGKILL in the middle of its writes and start it again on the same store. Unlike the in-process
/// <see cref="ServerProcess"/>, nothing is flushed or disposed on the way down: what survives is what the store
/// holds.
/// </summary>
/// <remarks>
/// The store is chosen by server arguments alone. By default the embedded SQLite file <c>routing.db</c> in the
/// test's work directory; <c>extraArguments</c> (<c>--Key=Value</c>, given after the defaults so they win) point the
/// same test at another store, such as PostgreSQL, without touching the test.
/// </remarks>
public sealed class ServerUnderTest : IAsyncDisposable
{
    // A probed free port can be taken by a parallel run before the server binds it; start again on fresh ports.
    private const int StartAttempts = 3;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbePause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    // Servers still running when the test host exits (a test that threw before disposing) are killed with it.
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly IReadOnlyList<string> extraArguments;
    private readonly Lock logLock = new();
    private Process? process;
    private StreamWriter? log;
    private int starts;
    private (int Grpc, int Silo, int Gateway)? ports;

    static ServerUnderTest()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var orphan in Running.Values)
            {
                KillQuietly(orphan);
            }
        };
    }

    /// <param name="workDirectory">Holds the SQLite file and one log file per start.</param>
    /// <param name="extraArguments">Server arguments after the defaults, e.g. another store's connection string.</param>
    public ServerUnderTest(string workDirectory, IReadOnlyList<string>? extraArguments = null)
    {
        WorkDirectory = workDirectory;
        this.extraArguments = extraArguments ?? [];
        Directory.CreateDirectory(workDirectory);
    }

    /// <summary>The server assembly next to the test assembly: the test project references the server project.</summary>
    public static string ServerAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Routing.Server.dll");

    public string WorkDirectory { get; }

    public string DatabasePath => Path.Combine(WorkDirectory, "routing.db");

    /// <summary>The gRPC address of the current (or last) start.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The client of the current start; replaced on every start.</summary>
    public RoutingClient Client { get; private set; } = null!;

    /// <summary>stdout and stderr of the current (or last) start.</summary>
    public string LogPath { get; private set; } = string.Empty;

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The silo-to-silo port of the current (or last) start: the silo's key in a membership table.</summary>
    public int SiloPort => ports?.Silo ?? throw new InvalidOperationException("the server has not started");

    /// <summary>Starts the server and returns once it answers gRPC calls.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("the server is already running");
        }

        RequireServerFiles();
        for (var attempt = 1; ; attempt++)
        {
            // A restart keeps its ports, as a service manager restarting the process would: a silo coming back on its
            // own address with a newer generation supersedes its dead entry at once in a shared membership table.
            ports ??= (FreePort.Next(), FreePort.Next(), FreePort.Next());
            Launch();
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (ServerStartException) when (attempt < StartAttempts && LogText().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await StopProcessAsync();
                ports = null;
            }
        }
    }

    /// <summary><c>kill -9</c>: SIGKILL, no shutdown hooks, no flush. Returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            throw new InvalidOperationException("the server is not running");
        }

        await StopProcessAsync();
    }

    /// <summary>
    /// <c>kill -STOP</c>: the process hangs, its sockets open and silent, as a silo stuck in a pause or on a dead
    /// disk does; nothing resets a connection to tell the others. Disposing still kills it.
    /// </summary>
    public async Task SuspendAsync()
    {
        if (process is null)
        {
            throw new InvalidOperationException("the server is not running");
        }

        using var suspend = Process.Start(new ProcessStartInfo("kill", ["-STOP", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill could not be started");
        await suspend.WaitForExitAsync();
        WriteLog($"$ suspended (SIGSTOP), kill exit code {suspend.ExitCode}");
    }

    /// <summary>The end of the current log, for failure messages.</summary>
    public string LogTail(int lines = 40)
    {
        var all = LogText().Split('\n');
        return $"--- last lines of {LogPath} ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await StopProcessAsync();
        }
    }

    private static void RequireServerFiles()
    {
        // `dotnet X.dll` needs the runtime config beside it; content root is the assembly folder, so appsettings too.
        var folder = AppContext.BaseDirectory;
        foreach (var file in new[] { ServerAssembly, Path.Combine(folder, "Routing.Server.runtimeconfig.json"), Path.Combine(folder, "appsettings.json") })
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"'{file}' is missing: the test project must reference src/Routing.Server so its build output is copied beside the tests");
            }
        }
    }

    private void Launch()
    {
        starts++;
        Address = $"http://127.0.0.1:{ports!.Value.Grpc}";
        LogPath = Path.Combine(WorkDirectory, $"server-{starts}.log");
        log = new StreamWriter(LogPath, append: false) { AutoFlush = true };

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerAssembly);
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        // The store and ports come from the arguments only: settings inherited from the environment (a developer's
        // Routing__* variables, an ASP.NET environment name) must not redirect a test to another store.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Routing__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["DOTNET_NOLOGO"] = "1";

        WriteLog($"$ dotnet {string.Join(' ', start.ArgumentList)}");
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private IEnumerable<string> Arguments() =>
    [
        $"--Routing:Server:GrpcEndpoint={Address}",
        "--Routing:Server:HttpEndpoint=",
        $"--Routing:Server:SiloPort={ports!.Value.Silo}",
        $"--Routing:Server:GatewayPort={ports.Value.Gateway}",
        "--Routing:Server:SeedFile=",
        $"--Routing:Storage:Sqlite:DatabasePath={DatabasePath}",
        "--Logging:LogLevel:Default=Warning",
        .. extraArguments,
    ];

    private async Task WaitUntilReadyAsync()
    {
        Client = RoutingClient.Connect(Address);
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process!.HasExited)
            {
                throw new ServerStartException($"the server exited with code {process.ExitCode} before answering gRPC calls\n{LogTail()}");
            }

            try
            {
                await Client.Supervisor.ListQueuesAsync(new ListQueuesRequest(), deadline: DateTime.UtcNow + ProbeDeadline);
                return;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                // Not listening yet, or the silo is still starting behind a listening Kestrel.
            }

            if (started.Elapsed > ReadyTimeout)
            {
                throw new ServerStartException($"the server did not answer gRPC calls within {ReadyTimeout.TotalSeconds:0} s\n{LogTail()}");
            }

            await Task.Delay(ProbePause);
        }
    }

    private async Task StopProcessAsync()
    {
        var stopping = process!;
        process = null;
        KillQuietly(stopping);
        using (var timeout = new CancellationTokenSource(ExitTimeout))
        {
            // Also waits for the redirected output to be drained into the log.
            await stopping.WaitForExitAsync(timeout.Token);
        }

        Running.TryRemove(stopping.Id, out _);
        WriteLog($"$ killed (SIGKILL), exit code {stopping.ExitCode}");
        stopping.Dispose();
        Client?.Dispose();
        lock (logLock)
        {
            log?.Dispose();
            log = null;
        }
    }

    private static void KillQuietly(Process target)
    {
        try
        {
            // On Linux Kill sends SIGKILL: no graceful shutdown, exactly `kill -9`.
            target.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (logLock)
        {
            log?.WriteLine(line);
        }
    }

    private string LogText()
    {
        lock (logLock)
        {
            if (string.IsNullOrEmpty(LogPath) || !File.Exists(LogPath))
            {
                return string.Empty;
            }

            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    private sealed class ServerStartException(string message) : Exception(message);
}
