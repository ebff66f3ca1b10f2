namespace Routing.Core;

/// <summary>One choice on a caller's way through the menus.</summary>
/// <param name="ByDefault">Taken for the caller after too many timeouts or invalid keys.</param>
public sealed record IvrStep(string MenuId, string Digit, string Label, bool ByDefault);
