namespace Routing.Abstractions;

/// <summary>Contact attribute names the router itself sets or reads.</summary>
public static class ContactAttributes
{
    /// <summary>The language the caller chose (e.g. "es").</summary>
    public const string Language = "language";
}
