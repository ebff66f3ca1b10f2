using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;

namespace Routing.Server.Mapping;

/// <summary>Checks at the edge: each method returns the domain value or throws InvalidArgument naming the field.</summary>
public static partial class RequestValidation
{
    // How much of a bad value an error message quotes: enough to recognize it, never enough to fill a message or a log line.
    private const int QuotedPrefixLength = 40;

    // E.164 allows 15 digits; 3 admits short internal extensions.
    private const int MinPhoneDigits = 3;
    private const int MaxPhoneDigits = 15;

    private const int NanosPerSecond = 1_000_000_000;

    public static string Id(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            GrpcErrors.InvalidArgument(field, $"{field} is required");
        }

        if (value.Length > InputLimits.MaxIdLength || !IdPattern().IsMatch(value))
        {
            GrpcErrors.InvalidArgument(field, $"{field} {Quoted(value)} is malformed: use up to {InputLimits.MaxIdLength} letters, digits and . _ : @ + -, starting with a letter, digit or + (a phone number is fine)");
        }

        return value;
    }

    public static Channel Channel(Proto.Channel channel, string field = "channel") => channel switch
    {
        Proto.Channel.Voice => Core.Channel.Voice,
        Proto.Channel.Chat => Core.Channel.Chat,
        Proto.Channel.Email => Core.Channel.Email,
        Proto.Channel.Unspecified => Fail<Channel>(field, $"{field} is required: voice, chat or email"),
        _ => Fail<Channel>(field, string.Create(CultureInfo.InvariantCulture, $"{field} {(int)channel} is not a known channel: use voice, chat or email")),
    };

    public static string SkillName(string skill, string field)
    {
        var name = skill.Trim().ToLowerInvariant();
        if (name.Length == 0 || name.Length > InputLimits.MaxIdLength || !SkillPattern().IsMatch(name))
        {
            GrpcErrors.InvalidArgument(field, $"skill name {Quoted(skill)} is malformed: use up to {InputLimits.MaxIdLength} letters, digits, - and _");
        }

        return name;
    }

    public static int Proficiency(int level, string skill, string field)
    {
        if (!Core.Proficiency.IsValid(level))
        {
            GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"proficiency {level} for skill '{skill}' is out of range {Core.Proficiency.Min}-{Core.Proficiency.Max}"));
        }

        return level;
    }

    public static IReadOnlyList<SkillRequirement> Requirements(IReadOnlyCollection<Proto.SkillRequirement> requirements, string field = "required_skills")
    {
        ArgumentNullException.ThrowIfNull(requirements);
        AtMost(requirements.Count, InputLimits.MaxSkillsPerContact, field, "skills");

        var result = new List<SkillRequirement>(requirements.Count);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var requirement in requirements)
        {
            var element = string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]");
            var name = SkillName(requirement.Skill, element + ".skill");
            if (!named.Add(name))
            {
                GrpcErrors.InvalidArgument(element + ".skill", $"skill '{name}' is required twice");
            }

            result.Add(new SkillRequirement(name, Proficiency(requirement.MinLevel, name, element + ".min_level")));
        }

        return result;
    }

    /// <summary>Refuses a list longer than its limit, before anything in it is looked at.</summary>
    public static void AtMost(int count, int limit, string field, string things)
    {
        if (count > limit)
        {
            GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"{field} has {count} {things}; at most {limit} are allowed"));
        }
    }

    /// <summary>
    /// Free text (a name, a reason, a comment): at most <paramref name="maxLength"/> characters, and no control or
    /// format characters, which would forge lines in a desktop or a log; line breaks and tabs only where
    /// <paramref name="multiline"/> text is expected.
    /// </summary>
    public static string Text(string value, string field, int maxLength, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > maxLength)
        {
            GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"{field} is {value.Length} characters long; at most {maxLength} are allowed"));
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsHidden(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"{field} contains control character U+{(int)c:X4} at position {i}"));
            }
        }

        return value;
    }

    /// <summary>A contact's attributes: a bounded number of short, plain keys with bounded values.</summary>
    public static Dictionary<string, string> Attributes(IReadOnlyDictionary<string, string> attributes, string field = "attributes")
    {
        ArgumentNullException.ThrowIfNull(attributes);
        AtMost(attributes.Count, InputLimits.MaxAttributes, field, "entries");
        var total = 0;
        var result = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (key.Length == 0 || key.Length > InputLimits.MaxAttributeKeyLength || !AttributeKeyPattern().IsMatch(key))
            {
                GrpcErrors.InvalidArgument(field, $"{field} key {Quoted(key)} is malformed: use up to {InputLimits.MaxAttributeKeyLength} letters, digits and . _ : -");
            }

            result[key] = Text(value, $"{field}['{key}']", InputLimits.MaxAttributeValueLength);
            total += key.Length + value.Length;
        }

        if (total > InputLimits.MaxAttributesTotalLength)
        {
            GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"{field} hold {total} characters in all; at most {InputLimits.MaxAttributesTotalLength} are allowed"));
        }

        return result;
    }

    /// <summary>
    /// A client's value as an error message quotes it: in quotes, at most a short prefix, with control and format
    /// characters escaped, so a huge or hostile value can neither fill a message or a log line nor forge one.
    /// </summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Math.Min(value.Length, QuotedPrefixLength);
        if (length > 0 && length < value.Length && char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        var quoted = new StringBuilder(length + 24).Append('\'');
        foreach (var c in value.AsSpan(0, length))
        {
            if (IsHidden(c))
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                quoted.Append(c);
            }
        }

        quoted.Append('\'');
        if (length < value.Length)
        {
            quoted.Append(CultureInfo.InvariantCulture, $"... ({value.Length} characters)");
        }

        return quoted.ToString();
    }

    public static int Priority(int? priority)
    {
        var value = priority ?? ContactPriority.Default;
        if (!ContactPriority.IsValid(value))
        {
            GrpcErrors.InvalidArgument("priority", string.Create(CultureInfo.InvariantCulture, $"priority {value} is out of range {ContactPriority.Min}-{ContactPriority.Max}"));
        }

        return value;
    }

    /// <summary>
    /// A duration field: unset takes the default; one that is not a normalized protobuf duration, or outside
    /// <paramref name="range"/>, is refused naming the field and the range. Checked before it is converted, so no
    /// value can make the conversion throw.
    /// </summary>
    public static TimeSpan Duration(Duration? value, TimeSpan fallback, string field, DurationRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (value is null)
        {
            return fallback;
        }

        if (value.Nanos is <= -NanosPerSecond or >= NanosPerSecond || (value.Seconds > 0 && value.Nanos < 0) || (value.Seconds < 0 && value.Nanos > 0))
        {
            GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"{field} is not a valid duration ({value.Seconds} s, {value.Nanos} ns): nanos must be within ±999,999,999 and of the sign of seconds"));
        }

        // Compared in whole seconds first: a value like 10,000 years does not fit the conversion's arithmetic.
        var seconds = value.Seconds + (value.Nanos / (double)NanosPerSecond);
        if (seconds < range.Min.TotalSeconds || seconds > range.Max.TotalSeconds)
        {
            GrpcErrors.InvalidArgument(field, string.Create(CultureInfo.InvariantCulture, $"{field} of {seconds:0.###} s is out of range {range}"));
        }

        return value.ToTimeSpan();
    }

    /// <summary>A count field, refused naming the field and the range when outside <paramref name="range"/>.</summary>
    public static int Count(int value, string field, CountRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.Refusal(field, value) is { } problem)
        {
            GrpcErrors.InvalidArgument(field, problem);
        }

        return value;
    }

    public static string Required(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            GrpcErrors.InvalidArgument(field, $"{field} is required");
        }

        return value;
    }

    /// <summary>Touch-tone keys: 0-9, * and #; empty is allowed (no key pressed).</summary>
    public static string Digits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length > InputLimits.MaxDigits || !DigitsPattern().IsMatch(digits))
        {
            GrpcErrors.InvalidArgument("digits", $"digits {Quoted(digits)} must be up to {InputLimits.MaxDigits} touch-tone keys: 0-9, * or #");
        }

        return digits;
    }

    /// <summary>A phone number to call back: an optional +, then digits with optional spaces, dots, dashes or parentheses.</summary>
    public static string PhoneNumber(string number, string field)
    {
        var digitCount = number.Count(char.IsAsciiDigit);
        if (!PhonePattern().IsMatch(number) || digitCount is < MinPhoneDigits or > MaxPhoneDigits)
        {
            GrpcErrors.InvalidArgument(field, $"{field} {Quoted(number)} is not a phone number: use {MinPhoneDigits} to {MaxPhoneDigits} digits, optionally after a +");
        }

        return number;
    }

    // Characters that do not show as themselves: they could end a line, hide text or turn it around.
    private static bool IsHidden(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Throws InvalidArgument for <paramref name="field"/> where an expression needs a value.</summary>
    public static T Fail<T>(string field, string message)
    {
        GrpcErrors.InvalidArgument(field, message);
        return default!;
    }

    [GeneratedRegex("^[A-Za-z0-9+][A-Za-z0-9._:@+-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex AttributeKeyPattern();

    [GeneratedRegex("^[0-9*#]*$")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 .()-]*$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SkillPattern();
}
