namespace Routing.Cli;

/// <summary>
/// A command line split into words (the subcommand first) and options. Every option takes a value, given as
/// <c>--name value</c> or <c>--name=value</c>, and may repeat (<c>--skill</c>).
/// </summary>
internal sealed class Arguments
{
    private readonly List<string> words = [];
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);

    public string? Command => words.Count > 0 ? words[0] : null;

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                parsed.words.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name, value;
            if (equals > 0)
            {
                (name, value) = (arg[2..equals], arg[(equals + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                (name, value) = (arg[2..], args[++i]);
            }
            else
            {
                throw new UsageException($"{arg} needs a value");
            }

            if (!parsed.options.TryGetValue(name, out var values))
            {
                parsed.options[name] = values = [];
            }

            values.Add(value);
        }

        return parsed;
    }

    /// <summary>Checks the subcommand got between <paramref name="min"/> and <paramref name="max"/> words and only the options it knows.</summary>
    public void Expect(int min, int max, params string[] knownOptions)
    {
        var count = words.Count - 1;
        if (count < min || count > max)
        {
            throw new UsageException(count < min ? $"'{Command}' needs more arguments" : $"'{Command}' got too many arguments");
        }

        // --server is global and read before the subcommand runs.
        var unknown = options.Keys.FirstOrDefault(o => o != "server" && !knownOptions.Contains(o));
        if (unknown is not null)
        {
            throw new UsageException($"'{Command}' has no option --{unknown}");
        }
    }

    /// <summary>The n-th word after the subcommand (0-based), or null when absent.</summary>
    public string? Word(int index) => index + 1 < words.Count ? words[index + 1] : null;

    public string Required(int index) => Word(index) ?? throw new UsageException($"'{Command}' needs more arguments");

    /// <summary>The option's last value, or null.</summary>
    public string? Option(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];
}
