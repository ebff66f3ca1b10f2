namespace Routing.Core;

/// <summary>What the estimators see when a contact joins a line (or asks again while waiting).</summary>
/// <param name="Ahead">Contacts waiting ahead of it (0 when it is first).</param>
/// <param name="ServiceRate">Contacts the line's agents answer per second while it is backlogged: the able
/// capacity now (shared agents at the share this line gets of them) × the per-agent service rate.</param>
/// <param name="AbandonmentRate">Per waiting contact per second (theta): 1 / mean patience.</param>
/// <param name="HeadOfLineWait">How long the contact first in line has waited; null when nobody waits.</param>
/// <param name="LastToEnterServiceWait">The wait of the contact answered most recently; null before the first.</param>
/// <param name="RecentAverageWait">The average wait of recently answered contacts; null before the first.</param>
public sealed record WaitSituation(
    int Ahead,
    double ServiceRate,
    double AbandonmentRate,
    TimeSpan? HeadOfLineWait,
    TimeSpan? LastToEnterServiceWait,
    TimeSpan? RecentAverageWait);
