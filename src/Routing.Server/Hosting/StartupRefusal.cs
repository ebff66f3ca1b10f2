using Microsoft.Extensions.Options;

namespace Routing.Server.Hosting;

/// <summary>
/// How the server reports why it did not start: on standard error and with a non-zero exit code, instead of an
/// unhandled exception that aborts the process (SIGABRT, exit 134). A setting it refuses is one line per problem,
/// naming the setting; anything else (a port taken, a store unreachable) is reported with its exception.
/// </summary>
public static class StartupRefusal
{
    /// <summary>EX_CONFIG of sysexits.h: a supervisor (systemd, Kubernetes) sees a configuration error, not a crash.</summary>
    public const int ConfigurationExitCode = 78;

    public const int FailureExitCode = 1;

    public static int Report(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        switch (exception)
        {
            case OptionsValidationException invalid:
                foreach (var failure in invalid.Failures)
                {
                    error.WriteLine($"The router did not start: {failure}");
                }

                return ConfigurationExitCode;

            // The server's own refusals of its settings, thrown while it is built (see RoutingServerExtensions).
            case InvalidOperationException refused:
                error.WriteLine($"The router did not start: {refused.Message}");
                return ConfigurationExitCode;

            default:
                error.WriteLine($"The router did not start: {exception}");
                return FailureExitCode;
        }
    }
}
