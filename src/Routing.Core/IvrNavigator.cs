namespace Routing.Core;

/// <summary>
/// Moves a caller through touch-tone menus one key (or one silence) at a time: a valid key follows its option; a
/// timeout or invalid key repeats the prompt up to the menu's retries, then the menu's default key is taken for the
/// caller. A language chosen on the way adds its skill to the route finally reached.
/// </summary>
public static class IvrNavigator
{
    public const string NoInput = "no input";

    /// <param name="menu">The session's current menu.</param>
    /// <param name="digit">The key pressed, or null when the caller stayed silent until the menu's timeout.</param>
    public static IvrSessionState Press(IvrSessionState session, IvrMenu menu, char? digit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(menu);
        if (session.IsFinished)
        {
            return session;
        }

        var option = digit is { } key ? menu.Options.FirstOrDefault(o => o.Digit.Length == 1 && o.Digit[0] == key) : null;
        if (option is not null)
        {
            return Take(session, option, byDefault: false, notice: null);
        }

        var failures = session.Failures + 1;
        var notice = digit is { } pressed ? $"'{pressed}' is not an option" : NoInput;
        if (failures <= menu.MaxRetries)
        {
            return session with { Failures = failures, Notice = notice };
        }

        var fallback = menu.Options.First(o => o.Digit == menu.DefaultDigit);
        return Take(session, fallback, byDefault: true, $"{notice}; took '{fallback.Label}' ({menu.DefaultDigit}) after {failures} tries");
    }

    /// <summary>Retries left at the current menu before its default is taken.</summary>
    public static int RetriesLeft(IvrSessionState session, IvrMenu menu)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(menu);
        return Math.Max(0, menu.MaxRetries - session.Failures);
    }

    private static IvrSessionState Take(IvrSessionState session, IvrOption option, bool byDefault, string? notice)
    {
        var language = option.Language ?? session.Language;
        var path = session.Path.Append(new IvrStep(session.CurrentMenuId, option.Digit, option.Label, byDefault)).ToList();
        if (option.SubmenuId is { } submenu)
        {
            return session with { CurrentMenuId = submenu, Failures = 0, Path = path, Language = language, Notice = notice };
        }

        var route = option.Route!;
        IReadOnlyList<SkillRequirement> skills = language is null || route.RequiredSkills.Any(s => s.Skill == language.Skill.Skill)
            ? route.RequiredSkills
            : [.. route.RequiredSkills, language.Skill];
        var destination = new IvrDestination(route.Kind, route.QueueId, skills, route.Priority, route.Language ?? language?.Code);
        return session with { Failures = 0, Path = path, Language = language, Notice = notice, Destination = destination };
    }
}
