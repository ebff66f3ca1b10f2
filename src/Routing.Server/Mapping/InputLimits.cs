namespace Routing.Server.Mapping;

/// <summary>
/// How big any one piece of a request may be. Sized for a router: each is far above what a real contact center
/// sends, and far below what could make one request cost the server (or the agent desktops it fans out to) much.
/// docs/security.md lists them.
/// </summary>
public static class InputLimits
{
    /// <summary>Ids: contacts, customers (phone numbers are fine), agents, queues, menus, requests.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Names of agents, queues and customers.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Reasons (Not Ready, rejecting, transferring), dispositions, menu labels.</summary>
    public const int MaxShortTextLength = 500;

    /// <summary>Free text a person writes: feedback comments, menu prompts.</summary>
    public const int MaxLongTextLength = 4000;

    /// <summary>Language codes (BCP 47 tags are at most 35 characters in practice).</summary>
    public const int MaxLanguageLength = 35;

    public const int MaxAttributes = 32;
    public const int MaxAttributeKeyLength = 64;
    public const int MaxAttributeValueLength = 1024;

    /// <summary>All of a contact's attribute keys and values together, in characters.</summary>
    public const int MaxAttributesTotalLength = 8192;

    public const int MaxSkillsPerContact = 50;
    public const int MaxSkillsPerAgent = 200;
    public const int MaxQueuesPerAgent = 100;
    public const int MaxRelaxationSteps = 20;

    /// <summary>One menu's options: one per touch-tone key.</summary>
    public const int MaxMenuOptions = 12;

    /// <summary>Queues one supervisor stream may watch.</summary>
    public const int MaxQueuesPerWatch = 500;

    /// <summary>Touch-tone keys in one navigation step.</summary>
    public const int MaxDigits = 32;

    /// <summary>
    /// A bearer token, in characters: identity providers' tokens run to a few kilobytes even with many claims. The
    /// request headers in all may be up to <see cref="Hosting.RoutingServerOptions.MaxRequestHeaderBytes"/>, so a longer
    /// token still reaches the server and is refused as UNAUTHENTICATED instead of resetting the stream.
    /// </summary>
    public const int MaxBearerTokenLength = 16 * 1024;
}
