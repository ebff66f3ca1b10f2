namespace Routing.Core;

/// <summary>
/// Learns, online and in constant memory, what a line's wait estimates need, from the staffing it can see:
/// <list type="bullet">
/// <item>the per-agent service rate mu: completions per second of service (the maximum-likelihood estimate for
/// exponential handle times, counting the time of services still under way, so early quick completions do not
/// bias it);</item>
/// <item>the share of its able agents' capacity the line gets while contacts wait: 1 for dedicated agents, less
/// when they also serve other lines (measured as the time its contacts are in service over the able capacity, both
/// while backlogged);</item>
/// <item>the abandonment rate theta: abandonments per second of waiting, the maximum-likelihood estimate for
/// exponential patience, counting the waiting time of answered contacts too;</item>
/// <item>the recent waits the simple estimators use.</item>
/// </list>
/// The answer rate is then the able capacity now × share × mu, so it follows a staffing change at once instead of
/// relearning it from answers. Each figure starts from the configured priors counted as
/// <see cref="WaitLearningOptions.PriorWeight"/> contacts and fades with its half-life.
/// </summary>
public sealed class LineWaitLearner
{
    /// <summary>Seconds the line's contacts spent in service (all of them, waited or not).</summary>
    public DecayingTally ServiceSeconds { get; set; } = new();

    public DecayingTally Completions { get; set; } = new();

    /// <summary>While contacts wait: seconds of the line's contacts in service (at most the able capacity).</summary>
    public DecayingTally ServingWhileBacklogged { get; set; } = new();

    /// <summary>While contacts wait: seconds of able capacity (server-seconds).</summary>
    public DecayingTally CapacityWhileBacklogged { get; set; } = new();

    public DecayingTally Abandonments { get; set; } = new();

    public DecayingTally SecondsWaited { get; set; } = new();

    /// <summary>Contacts that had to wait and are still waiting.</summary>
    public int Waiting { get; set; }

    /// <summary>The line's contacts in service now.</summary>
    public int InService { get; set; }

    /// <summary>The able capacity last reported: agents logged in and able to take the line, by concurrent capacity.</summary>
    public double Servers { get; set; }

    public DateTimeOffset? LastChange { get; set; }

    public TimeSpan? LastToEnterServiceWait { get; set; }

    /// <summary>Waits of recently answered contacts that had to wait, oldest first.</summary>
    public List<double> RecentWaitSeconds { get; set; } = [];

    /// <summary>A contact joined the line (it had to wait).</summary>
    public void Joined(DateTimeOffset now, WaitLearningOptions options)
    {
        Accrue(now, options);
        Waiting++;
    }

    /// <summary>A waiting contact was answered after <paramref name="waited"/>.</summary>
    public void Answered(DateTimeOffset now, TimeSpan waited, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Accrue(now, options);
        Waiting = Math.Max(0, Waiting - 1);
        SecondsWaited.Add(waited.TotalSeconds, now, options.TraitHalfLife);
        LastToEnterServiceWait = waited;
        RecentWaitSeconds.Add(waited.TotalSeconds);
        if (RecentWaitSeconds.Count > options.RecentWaits)
        {
            RecentWaitSeconds.RemoveRange(0, RecentWaitSeconds.Count - options.RecentWaits);
        }
    }

    /// <summary>A waiting contact gave up (or was otherwise removed unanswered) after <paramref name="waited"/>.</summary>
    public void Abandoned(DateTimeOffset now, TimeSpan waited, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Accrue(now, options);
        Waiting = Math.Max(0, Waiting - 1);
        Abandonments.Add(1, now, options.TraitHalfLife);
        SecondsWaited.Add(waited.TotalSeconds, now, options.TraitHalfLife);
    }

    /// <summary>A contact of the line started service, whether it waited or not.</summary>
    public void ServiceStarted(DateTimeOffset now, WaitLearningOptions options)
    {
        Accrue(now, options);
        InService++;
    }

    /// <summary>A contact of the line ended its service.</summary>
    public void Completed(DateTimeOffset now, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Accrue(now, options);
        InService = Math.Max(0, InService - 1);
        Completions.Add(1, now, options.TraitHalfLife);
    }

    /// <summary>The able capacity for the line changed (an agent logged in, out, paused, or changed skills).</summary>
    public void StaffingChanged(DateTimeOffset now, double servers, WaitLearningOptions options)
    {
        Accrue(now, options);
        Servers = Math.Max(0, servers);
    }

    /// <summary>The per-agent service rate (contacts per second of service), from the prior handle time and what was seen.</summary>
    public double PerAgentServiceRate(DateTimeOffset now, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var pending = Pending(now);
        var seconds = ServiceSeconds.ValueAt(now, options.TraitHalfLife) + (InService * pending);
        var completions = Completions.ValueAt(now, options.TraitHalfLife);
        return (completions + options.PriorWeight) / (seconds + (options.PriorWeight * priors.HandleTime.TotalSeconds));
    }

    /// <summary>The share of its able capacity the line gets while contacts wait (1 when its agents serve only it).</summary>
    public double Share(DateTimeOffset now, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var pending = Waiting > 0 ? Pending(now) : 0;
        var prior = options.PriorWeight * priors.HandleTime.TotalSeconds;
        var serving = ServingWhileBacklogged.ValueAt(now, options.HalfLife) + (Math.Min(InService, Servers) * pending) + prior;
        var capacity = CapacityWhileBacklogged.ValueAt(now, options.HalfLife) + (Servers * pending) + prior;
        return Math.Min(1, serving / capacity);
    }

    /// <summary>Answers per second while backlogged with <paramref name="servers"/> of able capacity: servers × share × mu.</summary>
    public double ServiceRate(DateTimeOffset now, double servers, WaitPriors priors, WaitLearningOptions options) =>
        servers * Share(now, priors, options) * PerAgentServiceRate(now, priors, options);

    /// <summary>Abandonments per second of waiting (theta), from the prior patience and what was seen.</summary>
    public double AbandonmentRate(DateTimeOffset now, WaitPriors priors, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        var abandonments = Abandonments.ValueAt(now, options.TraitHalfLife) + options.PriorWeight;
        return abandonments / (SecondsWaited.ValueAt(now, options.TraitHalfLife) + (options.PriorWeight * priors.Patience.TotalSeconds));
    }

    public TimeSpan? RecentAverageWait => RecentWaitSeconds.Count == 0 ? null : TimeSpan.FromSeconds(RecentWaitSeconds.Average());

    /// <summary>The situation of a contact with <paramref name="ahead"/> contacts ahead of it, for the estimators.</summary>
    public WaitSituation Situation(DateTimeOffset now, int ahead, TimeSpan? headOfLineWait, double servers, WaitPriors priors, WaitLearningOptions options) =>
        new(ahead, ServiceRate(now, servers, priors, options), AbandonmentRate(now, priors, options), headOfLineWait, LastToEnterServiceWait, RecentAverageWait);

    private double Pending(DateTimeOffset now) => LastChange is { } since && now > since ? (now - since).TotalSeconds : 0;

    // Every change first books the time since the last one at the old counts.
    private void Accrue(DateTimeOffset now, WaitLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var elapsed = Pending(now);
        if (elapsed > 0)
        {
            if (InService > 0)
            {
                ServiceSeconds.Add(InService * elapsed, now, options.TraitHalfLife);
            }

            if (Waiting > 0)
            {
                ServingWhileBacklogged.Add(Math.Min(InService, Servers) * elapsed, now, options.HalfLife);
                CapacityWhileBacklogged.Add(Servers * elapsed, now, options.HalfLife);
            }
        }

        if (LastChange is not { } last || now > last)
        {
            LastChange = now;
        }
    }
}
