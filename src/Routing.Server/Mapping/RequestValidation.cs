using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;

namespace Routing.Server.Mapping;

/// <summary>Checks at the edge: each method returns the domain value or throws InvalidArgument naming the field.</summary>
public static partial class RequestValidation
{
    private const int MaxIdLength = 128;
    private const int MaxDigits = 32;

    /// <summary>Most required skills one contact may name.</summary>
    public const int MaxSkillsPerContact = 50;

    // How much of a bad value an error message quotes: enough to recognize it, never enough to fill a message or a log line.
    private const int QuotedPrefixLength = 40;

    // E.164 allows 15 digits; 3 admits short internal extensions.
    private const int MinPhoneDigits = 3;
    private const int MaxPhoneDigits = 15;

    public static string Id(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            GrpcErrors.InvalidArgument($"{field} is required");
        }

        if (value.Length > MaxIdLength || !IdPattern().IsMatch(value))
        {
            GrpcErrors.InvalidArgument($"{field} {Quoted(value)} is malformed: use up to {MaxIdLength} letters, digits and . _ : @ + -, starting with a letter, digit or + (a phone number is fine)");
        }

        return value;
    }

    public static Channel Channel(Proto.Channel channel, string field = "channel") => channel switch
    {
        Proto.Channel.Voice => Core.Channel.Voice,
        Proto.Channel.Chat => Core.Channel.Chat,
        Proto.Channel.Email => Core.Channel.Email,
        Proto.Channel.Unspecified => Fail<Channel>($"{field} is required: voice, chat or email"),
        _ => Fail<Channel>(string.Create(CultureInfo.InvariantCulture, $"{field} {(int)channel} is not a known channel: use voice, chat or email")),
    };

    public static string SkillName(string skill)
    {
        var name = skill.Trim().ToLowerInvariant();
        if (name.Length == 0 || name.Length > MaxIdLength || !SkillPattern().IsMatch(name))
        {
            GrpcErrors.InvalidArgument($"skill name {Quoted(skill)} is malformed: use up to {MaxIdLength} letters, digits, - and _");
        }

        return name;
    }

    public static int Proficiency(int level, string skill)
    {
        if (!Core.Proficiency.IsValid(level))
        {
            GrpcErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"proficiency {level} for skill '{skill}' is out of range {Core.Proficiency.Min}-{Core.Proficiency.Max}"));
        }

        return level;
    }

    public static IReadOnlyList<SkillRequirement> Requirements(IReadOnlyCollection<Proto.SkillRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        if (requirements.Count > MaxSkillsPerContact)
        {
            GrpcErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"required_skills has {requirements.Count} skills; at most {MaxSkillsPerContact} are allowed"));
        }

        var result = new List<SkillRequirement>(requirements.Count);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            var name = SkillName(requirement.Skill);
            if (!named.Add(name))
            {
                GrpcErrors.InvalidArgument($"skill '{name}' is required twice");
            }

            result.Add(new SkillRequirement(name, Proficiency(requirement.MinLevel, name)));
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
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
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
            GrpcErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"priority {value} is out of range {ContactPriority.Min}-{ContactPriority.Max}"));
        }

        return value;
    }

    /// <summary>A duration field: unset takes the default; negative (or zero, unless allowed) is refused.</summary>
    public static TimeSpan Duration(Duration? value, TimeSpan fallback, string field, bool allowZero = false)
    {
        if (value is null)
        {
            return fallback;
        }

        var span = value.ToTimeSpan();
        if (span < TimeSpan.Zero || (span == TimeSpan.Zero && !allowZero))
        {
            GrpcErrors.InvalidArgument($"{field} must be {(allowZero ? "zero or more" : "more than zero")}");
        }

        return span;
    }

    public static string Required(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            GrpcErrors.InvalidArgument($"{field} is required");
        }

        return value;
    }

    /// <summary>Touch-tone keys: 0-9, * and #; empty is allowed (no key pressed).</summary>
    public static string Digits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length > MaxDigits || !DigitsPattern().IsMatch(digits))
        {
            GrpcErrors.InvalidArgument($"digits {Quoted(digits)} must be up to {MaxDigits} touch-tone keys: 0-9, * or #");
        }

        return digits;
    }

    /// <summary>A phone number to call back: an optional +, then digits with optional spaces, dots, dashes or parentheses.</summary>
    public static string PhoneNumber(string number, string field)
    {
        var digitCount = number.Count(char.IsAsciiDigit);
        if (!PhonePattern().IsMatch(number) || digitCount is < MinPhoneDigits or > MaxPhoneDigits)
        {
            GrpcErrors.InvalidArgument($"{field} {Quoted(number)} is not a phone number: use {MinPhoneDigits} to {MaxPhoneDigits} digits, optionally after a +");
        }

        return number;
    }

    /// <summary>Throws InvalidArgument where an expression needs a value.</summary>
    public static T Fail<T>(string message)
    {
        GrpcErrors.InvalidArgument(message);
        return default!;
    }

    [GeneratedRegex("^[A-Za-z0-9+][A-Za-z0-9._:@+-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9*#]*$")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 .()-]*$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex SkillPattern();
}
