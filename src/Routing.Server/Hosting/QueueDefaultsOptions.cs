namespace Routing.Server.Hosting;

/// <summary>
/// What a queue gets for settings its configuration leaves out (section "Routing:QueueDefaults"); each is held to
/// the range of the setting it stands for (<see cref="QueueDefaultsOptionsValidator"/>).
/// </summary>
public sealed class QueueDefaultsOptions
{
    public const string Section = "Routing:QueueDefaults";

    /// <summary>The classic 80/20: 80% answered within 20 seconds.</summary>
    public TimeSpan ServiceLevelTarget { get; set; } = TimeSpan.FromSeconds(20);

    public int ServiceLevelPercent { get; set; } = 80;

    public int MaxWaiting { get; set; } = 500;

    public TimeSpan StarvationBound { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan DefaultHandleTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long callers are expected to wait before giving up, where estimates start from.</summary>
    public TimeSpan ExpectedPatience { get; set; } = WaitPriors.DefaultPatience;
}
