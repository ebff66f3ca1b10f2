using System.ComponentModel.DataAnnotations;

namespace Routing.Grains;

/// <summary>Tuning of the routing grains (configuration section "Routing:Grains").</summary>
public sealed class RoutingGrainOptions
{
    public const string Section = "Routing:Grains";

    /// <summary>How many contacts of a customer's history are kept.</summary>
    [Range(1, 1000)]
    public int CustomerHistoryLength { get; set; } = 20;

    /// <summary>
    /// How many of a customer's other open contacts a contact, an offer or a customer view lists (with the count of
    /// all of them): one id a gateway sends for every caller it cannot identify may have thousands open.
    /// </summary>
    [Range(1, 100)]
    public int CustomerOpenContactsListed { get; set; } = 10;

    /// <summary>How many free agents an arriving contact asks, in strategy order, before it waits.</summary>
    [Range(1, 100)]
    public int CandidatesTriedOnArrival { get; set; } = 3;

    /// <summary>How many contacts one pull may try to claim before it gives up (each failed claim is a race lost).</summary>
    [Range(1, 1000)]
    public int MaxClaimAttemptsPerPull { get; set; } = 20;

    /// <summary>
    /// How many recent outcomes a queue (who answered) and an agent (what it finished) remember, so a hang-up
    /// racing an answer reaches the agent and a retried accept / reject / complete returns its first result.
    /// </summary>
    [Range(1, 100_000)]
    public int RecentOutcomesRemembered { get; set; } = 1000;

    /// <summary>
    /// How many of its last desktop requests (by request id) an agent keeps in its state, so a retry returns the first
    /// answer and a reused id is refused even after a restart. A desktop retries its last command, so a few suffice;
    /// each is written with every change of the agent.
    /// </summary>
    [Range(1, 64)]
    public int RequestsRemembered { get; set; } = 8;

    /// <summary>
    /// How long a contact a queue proposed to one agent is passed over for others, so agents freeing capacity at
    /// once spread over the line instead of all racing for its head (each lost race costs the loser two writes).
    /// </summary>
    public TimeSpan ProposalLease { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many free agents a queue nudges when a contact comes back or its requirements relax.</summary>
    [Range(1, 100)]
    public int AgentsNudged { get; set; } = 3;

    /// <summary>How much a VIP customer's contact priority is raised (capped at the maximum priority).</summary>
    [Range(0, 100)]
    public int VipPriorityBoost { get; set; } = 50;

    /// <summary>
    /// A customer whose last contact ended within this period waits first for the agent who served it (sticky
    /// routing); zero turns preferred-agent routing off.
    /// </summary>
    public TimeSpan PreferredAgentPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Wait estimates: how shared agents divide their time, observed this long ago, weighs half as much (see <see cref="WaitLearningOptions"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan EstimateHalfLife { get; set; } = WaitLearningOptions.Default.HalfLife;

    /// <summary>Wait estimates: handle times and patience observed this long ago weigh half as much.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan EstimateTraitHalfLife { get; set; } = WaitLearningOptions.Default.TraitHalfLife;

    /// <summary>Recent waits averaged by the moving-average baseline.</summary>
    [Range(1, 10_000)]
    public int EstimateRecentWaits { get; set; } = WaitLearningOptions.Default.RecentWaits;

    /// <summary>How many contacts' worth of evidence a queue's configured handle time and patience count as.</summary>
    [Range(0.001, 100_000)]
    public double EstimatePriorWeight { get; set; } = WaitLearningOptions.Default.PriorWeight;

    /// <summary>Wait estimates: a backlog longer than this has the rates it is estimated from retaken this often (see <see cref="WaitLearningOptions"/>).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan EstimateBacklogRefresh { get; set; } = WaitLearningOptions.Default.BacklogRefresh;

    /// <summary>The time zone whose midnight starts the statistics' day (an IANA or Windows id).</summary>
    public string StatisticsTimeZone { get; set; } = "UTC";

    /// <summary>The rolling window supervisors see beside the day (whole minutes).</summary>
    public TimeSpan StatisticsWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a queue's changed statistics and wait learning may stay in memory before they are written (behind
    /// the line, never on a contact's write): what a crash can lose of them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StatisticsFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    public StatisticsClock StatisticsClock => new(TimeZoneInfo.FindSystemTimeZoneById(StatisticsTimeZone), (int)Math.Max(1, StatisticsWindow.TotalMinutes));

    public WaitLearningOptions Learning => new(EstimateHalfLife, EstimateTraitHalfLife, EstimateRecentWaits, EstimatePriorWeight, EstimateBacklogRefresh);

    /// <summary>How long a contact transferred to an agent waits for that agent before the queue's other agents may take it.</summary>
    public TimeSpan TransferToAgentWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a timer's work (an offer expiring, a wrap-up ending) waits to be tried again after the store refused it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a grain keeps a stream watching it (<see cref="IChangeObserver"/>) after the stream's last watch call.
    /// Streams unwatch when they end; the lease only bounds how long a grain keeps telling a stream whose server
    /// died without unwatching. Streams renew at a third of it, so an idle stream costs one call per a third of the
    /// lease; at most 45 minutes, so the renewals (15 minutes apart) keep a watched queue's activation from Orleans'
    /// idle collection (15 minutes by default). A watched contact idle past <see cref="RecordCollectionAge"/> ends its
    /// activation all the same, telling its watchers, which watch the next one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:45:00")]
    public TimeSpan WatchLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an Available agent stays so with no offer stream open: after its last stream closed or lapsed, or
    /// after it was set Available (or activated Available) with none open. A desktop that (re)connects within it (a
    /// network blip, a restarted gateway) keeps its place; one that does not is put Not Ready ("desktop
    /// disconnected") so it is offered nothing it cannot see. Longer than <see cref="DesktopRenewInterval"/>, so a
    /// live stream always renews within it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DesktopGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an agent counts an offer stream as open after the stream's last watch: the bound on noticing a
    /// stream whose server died without closing it. Streams renew at a third of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:45:00")]
    public TimeSpan DesktopLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a contact or statistics stream renews its watch: a third of <see cref="WatchLease"/>.</summary>
    public TimeSpan WatchRenewInterval => WatchLease / 3;

    /// <summary>How often an offer stream renews its watch: a third of <see cref="DesktopLease"/>.</summary>
    public TimeSpan DesktopRenewInterval => DesktopLease / 3;

    /// <summary>How often the server looks for offer streams due to renew: a tenth of <see cref="DesktopRenewInterval"/>.</summary>
    public TimeSpan WatchSweepInterval => DesktopRenewInterval / 10;

    /// <summary>
    /// How long a contact's, a customer's or an IVR session's activation stays in memory after its last call. They
    /// are records read back from the store on their next call, and a center makes them at its arrival rate: under
    /// Orleans' default idle age (15 minutes) a silo would hold a quarter hour's contacts and customers. Above
    /// Orleans' collection quantum (1 minute), which is the resolution of idle collection.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:01", "02:00:00")]
    public TimeSpan RecordCollectionAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a contact waits for its preferred agent before any eligible agent may take it.</summary>
    public TimeSpan PreferredAgentWait { get; set; } = TimeSpan.FromSeconds(30);
}
