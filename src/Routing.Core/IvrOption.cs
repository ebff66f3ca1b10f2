namespace Routing.Core;

/// <summary>One key of a touch-tone menu: it leads to a submenu or to a route, and may choose the caller's language.</summary>
public sealed record IvrOption(string Digit, string Label, string? SubmenuId, IvrRoute? Route, IvrLanguage? Language = null);
