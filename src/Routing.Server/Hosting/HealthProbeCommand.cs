using System.Globalization;
using Grpc.Health.V1;
using Grpc.Net.Client;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Routing.Server.Hosting;

/// <summary>
/// <c>health [--address http://127.0.0.1:50051] [--service NAME] [--timeout-seconds 5]</c>: asks a server's
/// grpc.health.v1 service and exits 0 only when the service is SERVING, otherwise 1 with a one-line reason (2 for bad
/// arguments). For a container's HEALTHCHECK, where no grpc probe tool is at hand: the image carries this binary anyway.
/// </summary>
public static class HealthProbeCommand
{
    public const string Name = "health";

    public const string DefaultAddress = "http://127.0.0.1:50051";

    public const int Serving = 0;

    public const int NotServing = 1;

    public const int UsageError = 2;

    // Under a container engine's own probe timeout (Docker's default is 30 s), so the reason is printed, not cut off.
    private const int DefaultTimeoutSeconds = 5;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IConfiguration arguments;
        try
        {
            arguments = new ConfigurationBuilder().AddCommandLine(args).Build();
        }
        catch (FormatException ex)
        {
            return Usage(error, ex.Message);
        }

        var address = arguments["address"] ?? DefaultAddress;
        var service = arguments["service"] ?? string.Empty;
        var timeoutText = arguments["timeout-seconds"];
        var seconds = DefaultTimeoutSeconds;
        if (timeoutText is not null && (!int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds <= 0))
        {
            return Usage(error, $"--timeout-seconds must be a positive whole number, not '{timeoutText}'");
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Usage(error, $"--address must be an http:// or https:// URL, not '{address}'");
        }

        var shownService = service.Length == 0 ? "\"\" (the server overall)" : $"'{service}'";
        using var channel = GrpcChannel.ForAddress(uri);
        try
        {
            var answer = await new HealthClient(channel).CheckAsync(
                new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(seconds));
            if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                output.WriteLine($"{Name}: {shownService} at {uri} is SERVING");
                return Serving;
            }

            error.WriteLine($"{Name}: {shownService} at {uri} is {answer.Status}");
            return NotServing;
        }
        catch (RpcException ex)
        {
            var reason = ex.StatusCode switch
            {
                StatusCode.NotFound => "is not a service this server reports on",
                StatusCode.DeadlineExceeded => $"gave no answer within {seconds} s",
                StatusCode.Unavailable => $"cannot be reached ({ex.Status.Detail})",
                _ => $"answered {ex.StatusCode} ({ex.Status.Detail})",
            };
            error.WriteLine($"{Name}: {shownService} at {uri} {reason}");
            return NotServing;
        }
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"{Name}: {problem}");
        error.WriteLine($"usage: {Name} [--address {DefaultAddress}] [--service NAME] [--timeout-seconds {DefaultTimeoutSeconds}]");
        return UsageError;
    }
}
