using System.Globalization;

namespace Routing.IvrAdapter;

/// <summary>The sample's command line: <c>--name value</c> or <c>--name=value</c>; <c>--server</c> may repeat (failover).</summary>
public sealed class AdapterSettings
{
    public const string Usage = """
        usage: Routing.IvrAdapter [--server URL]... [--token JWT] [--session ID] [--customer NUMBER] [--menu ID]
                                  [--digits KEYS] [--callback-number NUMBER] [--callback-after SECONDS]
          --server           the router (default $ROUTING_SERVER or http://127.0.0.1:50051); repeat for failover
          --token            a bearer token when the router checks them (default $ROUTING_TOKEN)
          --session          the call's IVR session id (default a new one)
          --customer         the caller's number, used as the customer id (default +15550100)
          --menu             the first menu (default welcome)
          --digits           keys pressed for the menus up front; otherwise one line of keys per prompt on stdin
          --callback-number  the number to call back (default the caller's)
          --callback-after   ask for a callback after this many seconds in line, as if * was pressed
        While waiting, a line with * on stdin asks for a callback; Ctrl+C hangs up.
        """;

    private const string DefaultServer = "http://127.0.0.1:50051";

    public IReadOnlyList<Uri> Servers { get; private init; } = [];

    public string? Token { get; private init; }

    public string SessionId { get; private init; } = string.Empty;

    public string CustomerId { get; private init; } = string.Empty;

    public string MenuId { get; private init; } = string.Empty;

    /// <summary>Keys for the menus typed ahead; null reads them from stdin prompt by prompt.</summary>
    public string? Digits { get; private init; }

    public string CallbackNumber { get; private init; } = string.Empty;

    public TimeSpan? CallbackAfter { get; private init; }

    /// <exception cref="ArgumentException">An unknown option, a missing value or a value that is not one.</exception>
    public static AdapterSettings Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals > 0
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value"));
            if (!Known.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name}");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        var customer = Single(values, "customer") ?? "+15550100";
        return new AdapterSettings
        {
            Servers = (values.GetValueOrDefault("server") ?? [environment("ROUTING_SERVER") ?? DefaultServer]).Select(Server).ToArray(),
            Token = Single(values, "token") ?? environment("ROUTING_TOKEN"),
            SessionId = Single(values, "session") ?? $"ivr-{Guid.NewGuid().ToString("N")[..12]}",
            CustomerId = customer,
            MenuId = Single(values, "menu") ?? "welcome",
            Digits = Single(values, "digits"),
            CallbackNumber = Single(values, "callback-number") ?? customer,
            CallbackAfter = Single(values, "callback-after") is { } seconds ? Seconds(seconds) : null,
        };
    }

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "server", "token", "session", "customer", "menu", "digits", "callback-number", "callback-after",
    };

    private static string? Single(Dictionary<string, List<string>> values, string name) =>
        values.TryGetValue(name, out var list)
            ? list.Count == 1 ? list[0] : throw new ArgumentException($"--{name} is given {list.Count} times")
            : null;

    private static Uri Server(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--server '{value}' is not an http(s) URL");

    private static TimeSpan Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--callback-after '{value}' is not a number of seconds");
}
