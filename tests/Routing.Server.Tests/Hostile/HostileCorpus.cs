using Grpc.Core;

namespace Routing.Server.Tests.Hostile;

/// <summary>
/// The hostile-input corpus: every RPC given empty, huge and control-character strings, out-of-range numbers,
/// unknown enum values, duplicates, oversized and malformed messages, stream floods and bad tokens.
/// </summary>
public static partial class HostileCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> ByName = new(() =>
        new[] { RoutingCases(), AgentCases(), AdminCases(), SupervisionCases(), TokenCases(), WireCases() }
            .SelectMany(cases => cases)
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, HostileCase> Cases => ByName.Value;

    /// <summary>Strings a hostile client sends where an id or a short text is expected.</summary>
    internal static class Hostile
    {
        public static readonly string Huge = new('x', 100_000);
        public static readonly string Long200k = new('y', 200_000);
        public const string Nul = "a\0b";
        public const string Escape = "a\u001b[31mred";
        public const string NewLine = "line\nforged log line";
        public const string RightToLeft = "abc\u202Edef";
        public const string Space = "has space";

        public static string Long(int length) => new('z', length);
    }

    private static HostileCase Case(string name, StatusCode expected, string message, Func<HostileCallers, Task> call) =>
        new(name, expected, message, call);
}
