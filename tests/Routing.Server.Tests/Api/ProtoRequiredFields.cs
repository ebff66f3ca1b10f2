using System.Text.RegularExpressions;

namespace Routing.Server.Tests.Api;

/// <summary>The fields the .proto files document as required ("// Required" above the field), per message.</summary>
public static partial class ProtoRequiredFields
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read()
    {
        var required = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root(), "protos", "routing", "v1"), "*.proto"))
        {
            string? message = null;
            var fields = new HashSet<string>(StringComparer.Ordinal);
            var marked = false;
            foreach (var line in File.ReadLines(file))
            {
                if (MessageStart().Match(line) is { Success: true } start)
                {
                    message = start.Groups[1].Value;
                    fields = [];
                    required[message] = fields;
                }
                else if (line.StartsWith("  //", StringComparison.Ordinal))
                {
                    marked |= line.StartsWith("  // Required", StringComparison.Ordinal);
                    continue;
                }
                else if (message is not null && marked && Field().Match(line) is { Success: true } field)
                {
                    fields.Add(field.Groups[1].Value);
                }

                marked = false;
            }
        }

        return required;
    }

    [GeneratedRegex(@"^message (\w+) \{")]
    private static partial Regex MessageStart();

    [GeneratedRegex(@"^  (?:optional |repeated )?[\w.]+ (\w+) = \d+;")]
    private static partial Regex Field();
}
