namespace Routing.Core;

/// <summary>A caller's way through touch-tone menus so far.</summary>
/// <param name="Failures">Timeouts and invalid keys at the current menu.</param>
/// <param name="Notice">What went wrong with the last input, for the prompt to say ("no input", "'7' is not an option").</param>
/// <param name="Destination">Set once a route was reached; the session takes no more input.</param>
public sealed record IvrSessionState(
    string EntryMenuId,
    string CurrentMenuId,
    int Failures,
    IReadOnlyList<IvrStep> Path,
    IvrLanguage? Language,
    string? Notice,
    IvrDestination? Destination)
{
    public static IvrSessionState StartAt(string menuId) => new(menuId, menuId, 0, [], null, null, null);

    public bool IsFinished => Destination is not null;
}
