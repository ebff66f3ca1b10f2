namespace Routing.Core;

/// <summary>
/// The range of every duration and count an operator configures. Each is far wider than a contact center needs,
/// and narrow enough that no deadline, timer or aging key computed from it can overflow or stall a grain. The
/// edge refuses a value outside its range; a grain clamps one stored before the range existed. docs/security.md
/// lists them.
/// </summary>
public static class ConfigurationLimits
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>How long an agent has to accept an offer: a day covers an email offered overnight.</summary>
    public static readonly DurationRange OfferTimeout = new(Second, Day);

    /// <summary>Wrap-up after a contact, per channel: none at all, up to a day.</summary>
    public static readonly DurationRange WrapUp = new(TimeSpan.Zero, Day);

    /// <summary>The handle time estimates start from.</summary>
    public static readonly DurationRange DefaultHandleTime = new(Second, Day);

    /// <summary>Service-level targets: seconds for voice, days for email.</summary>
    public static readonly DurationRange ServiceLevelTarget = new(Second, Week);

    /// <summary>The wait after which a contact outranks any other whatever their priorities.</summary>
    public static readonly DurationRange StarvationBound = new(Second, Week);

    /// <summary>How long callers are expected to wait before giving up.</summary>
    public static readonly DurationRange ExpectedPatience = new(Second, Week);

    /// <summary>When a relaxation (bullseye) step applies, counted from arrival.</summary>
    public static readonly DurationRange RelaxationAfter = new(TimeSpan.Zero, Week);

    /// <summary>How long a touch-tone menu waits for a key before it counts a timeout.</summary>
    public static readonly DurationRange IvrTimeout = new(Second, TimeSpan.FromMinutes(5));

    /// <summary>The spacing a supervisor stream asks for between updates (the server's own minimum still applies).</summary>
    public static readonly DurationRange StatsInterval = new(TimeSpan.Zero, TimeSpan.FromHours(1));

    /// <summary>Callers one queue lets wait: the line is held in one grain's memory.</summary>
    public static readonly CountRange MaxWaiting = new(1, 100_000);

    public static readonly CountRange ServiceLevelPercent = new(1, 100);

    /// <summary>Times a menu repeats its prompt before taking its default key.</summary>
    public static readonly CountRange IvrMaxRetries = new(0, 10);

    /// <summary>Contacts of one channel an agent holds at once.</summary>
    public static readonly CountRange MaxConcurrent = new(1, 100);

    /// <summary>An agent's priority for a queue it serves (1 is served first).</summary>
    public static readonly CountRange QueuePriority = new(1, 100);

    /// <summary>How far one relaxation step lowers the minimum proficiencies: at most the whole scale.</summary>
    public static readonly CountRange LowerMinimumBy = new(0, Proficiency.Max - Proficiency.Min);
}
