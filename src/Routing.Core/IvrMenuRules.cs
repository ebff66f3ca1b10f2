using System.Globalization;

namespace Routing.Core;

/// <summary>What makes a menu valid on its own; references to other menus and queues are checked by the caller.</summary>
public static class IvrMenuRules
{
    private const string AllowedDigits = "0123456789*#";

    /// <returns>The first problem found, or null when the menu is valid.</returns>
    public static string? Validate(IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (string.IsNullOrWhiteSpace(menu.Prompt))
        {
            return "menu prompt is empty";
        }

        if (menu.Options.Count == 0)
        {
            return "menu has no options";
        }

        foreach (var option in menu.Options)
        {
            if (option.Digit.Length != 1 || !AllowedDigits.Contains(option.Digit[0], StringComparison.Ordinal))
            {
                return $"digit '{option.Digit}' is not one of 0-9, * or #";
            }

            if ((option.SubmenuId is null) == (option.Route is null))
            {
                return $"digit '{option.Digit}' must lead to exactly one of a submenu or a route";
            }

            if (option.Language is { } language && (string.IsNullOrWhiteSpace(language.Code) || string.IsNullOrWhiteSpace(language.Skill.Skill)))
            {
                return $"digit '{option.Digit}' chooses a language without a code or the skill that speaks it";
            }
        }

        var duplicate = menu.Options.GroupBy(o => o.Digit).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"digit '{duplicate.Key}' is used twice";
        }

        if (!ConfigurationLimits.IvrMaxRetries.Contains(menu.MaxRetries))
        {
            return string.Create(CultureInfo.InvariantCulture, $"max retries {menu.MaxRetries} is out of range {ConfigurationLimits.IvrMaxRetries}");
        }

        if (!ConfigurationLimits.IvrTimeout.Contains(menu.Timeout))
        {
            return $"timeout of {DurationRange.Format(menu.Timeout)} is out of range {ConfigurationLimits.IvrTimeout}";
        }

        return menu.Options.Any(o => o.Digit == menu.DefaultDigit)
            ? null
            : $"default digit '{menu.DefaultDigit}' is not one of the menu's options";
    }
}
