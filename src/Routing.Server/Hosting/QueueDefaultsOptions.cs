using System.ComponentModel.DataAnnotations;

namespace Routing.Server.Hosting;

/// <summary>What a queue gets for settings its configuration leaves out (section "Routing:QueueDefaults").</summary>
public sealed class QueueDefaultsOptions
{
    public const string Section = "Routing:QueueDefaults";

    /// <summary>The classic 80/20: 80% answered within 20 seconds.</summary>
    public TimeSpan ServiceLevelTarget { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1, 100)]
    public int ServiceLevelPercent { get; set; } = 80;

    [Range(1, 1_000_000)]
    public int MaxWaiting { get; set; } = 500;

    public TimeSpan StarvationBound { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan DefaultHandleTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long callers are expected to wait before giving up, where estimates start from.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ExpectedPatience { get; set; } = WaitPriors.DefaultPatience;
}
