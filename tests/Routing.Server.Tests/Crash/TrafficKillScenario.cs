using System.Globalization;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// The traffic crash scenario, whichever process dies: a center configured through one client, callers and desktops
/// working through another, a <c>kill -9</c> once enough has happened, then every promise checked through the client
/// that serves after the kill (the restarted server, or the surviving silo).
/// </summary>
internal sealed class TrafficKillScenario(Action<string> mark)
{
    /// <summary>Kill once this many contacts were routed, accepted and completed: under traffic, not at rest.</summary>
    private const int KillAfterRouted = 60;
    private const int KillAfterAccepted = 8;
    private const int KillAfterCompleted = 2;

    private const string QueueId = "crash-line";
    private const string BreakReason = "training";
    private const string OnBreakAgentId = "voice-on-break";

    private static readonly TimeSpan TrafficTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(20);

    // Longer than any test: offers in the traffic test never expire on their own.
    private static readonly TimeSpan LongOfferTimeout = TimeSpan.FromMinutes(5);

    private static readonly CrashAgent[] Roster =
    [
        // Voice agents keep their first call, so voice calls of both priorities pile up for the order checks;
        // chat agents keep one chat each and churn through the other slot.
        new("voice-1", Channel.Voice, 1, true, KeepsFirstAccepted: true),
        new("voice-2", Channel.Voice, 1, true, KeepsFirstAccepted: true),
        new("voice-3", Channel.Voice, 1, true, KeepsFirstAccepted: true),
        new("chat-1", Channel.Chat, 2, false, KeepsFirstAccepted: true),
        new("chat-2", Channel.Chat, 2, false, KeepsFirstAccepted: true),
        new(OnBreakAgentId, Channel.Voice, 1, true, KeepsFirstAccepted: false),
    ];

    private readonly CrashLedger ledger = new();

    /// <summary>What the clients were told, for checks of a scenario's own.</summary>
    public CrashLedger Ledger => ledger;

    public int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("ROUTING_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
        ? seed
        : Environment.TickCount & int.MaxValue;

    /// <summary>Runs the scenario; returns the broken promises (none when everything held) and a description of what was checked.</summary>
    /// <param name="setup">Configures the queue and the agents (their grains tend to live on its silo).</param>
    /// <param name="traffic">Callers and desktops.</param>
    /// <param name="kill">Kills a server process with SIGKILL.</param>
    /// <param name="recover">Brings serving back (restart, or waiting until the dead silo is declared dead) and returns the client to check through.</param>
    /// <param name="logTail">The relevant server log, for failure messages.</param>
    public async Task<(List<string> Problems, RouterSnapshot Snapshot)> RunAsync(
        RoutingClient setup,
        RoutingClient traffic,
        Func<Task> kill,
        Func<Task<RoutingClient>> recover,
        Func<string> logTail)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(kill);
        ArgumentNullException.ThrowIfNull(recover);
        ArgumentNullException.ThrowIfNull(logTail);
        mark($"seed {Seed} (set ROUTING_CRASH_SEED={Seed} to repeat the same choices)");
        var start = DateTimeOffset.UtcNow;
        await ConfigureAsync(setup);
        mark("center configured");

        var calls = new CallCenterTraffic(traffic, ledger, QueueId, Roster, Seed);
        using var stop = new CancellationTokenSource();
        var running = calls.RunAsync(stop.Token);
        var reached = ledger.Reached(KillAfterRouted, KillAfterAccepted, KillAfterCompleted);
        try
        {
            await Task.WhenAny(reached, running).WaitAsync(TrafficTimeout);
        }
        catch (TimeoutException)
        {
            // Reported below with the counts reached.
        }

        Assert.True(
            reached.IsCompleted,
            $"the traffic stopped before {KillAfterRouted} contacts were routed, {KillAfterAccepted} accepted and {KillAfterCompleted} completed (routed {ledger.Routed.Count}, accepted {ledger.Accepted.Count}, completed {ledger.Completed.Count}): {string.Join("; ", ledger.Violations)}\n{logTail()}");
        mark($"{ledger.Routed.Count} routed, {ledger.Accepted.Count} accepted, {ledger.Completed.Count} completed: kill -9");

        ledger.BeginKill();
        await kill();
        await stop.CancelAsync();
        await running.WaitAsync(TrafficTimeout);

        // A surviving silo keeps accepting routes in flight at the kill (retried until their queue is back), so
        // arrivals are bounded by the end of the traffic; a restarted server would stamp later ones.
        var trafficEnded = DateTimeOffset.UtcNow;
        var inFlight = ledger.Attempted.Count - ledger.Routed.Count;
        mark($"killed; {ledger.Routed.Count} routes returned, {inFlight} in flight; accepts {ledger.Accepted.Count}/{ledger.AcceptSent.Count}, completes {ledger.Completed.Count}/{ledger.CompleteSent.Count}, rejects {ledger.RejectSent.Count} (returned/sent)");

        var client = await recover();
        var agentIds = Roster.Select(a => a.AgentId).ToList();
        var snapshot = await RouterSnapshot.SettledAsync(client, agentIds, ledger.Attempted.Keys, QueueId, SettleTimeout);
        mark($"settled: {CrashCenter.Summary(snapshot)}");

        var problems = ledger.Violations.ToList();
        var verdict = RouterInvariants.Check(ledger, snapshot, Roster, QueueId, (start, trafficEnded));
        problems.AddRange(verdict.Problems);
        if (verdict.AwaitingCompleteRetry.Count > 0 && problems.Count == 0)
        {
            // A desktop whose complete was cut off by the kill sends it again: the agent lets the ended contact go.
            foreach (var (contactId, agentId) in verdict.AwaitingCompleteRetry)
            {
                var retried = await client.Agents.CompleteContactAsync(
                    new CompleteContactRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId(), Disposition = "resolved" },
                    deadline: CrashCenter.Deadline());
                Assert.Equal(AssignmentPhase.Completed, retried.Phase);
                ledger.Completed[contactId] = agentId;
            }

            snapshot = await RouterSnapshot.SettledAsync(client, agentIds, ledger.Attempted.Keys, QueueId, SettleTimeout);
            mark($"retried {verdict.AwaitingCompleteRetry.Count} completes cut off by the kill; settled: {CrashCenter.Summary(snapshot)}");
            problems.AddRange(RouterInvariants.Check(ledger, snapshot, Roster, QueueId, (start, trafficEnded)).Problems);
        }

        var onBreak = snapshot.Agents[OnBreakAgentId];
        if ((onBreak.Status, onBreak.NotReadyReason, onBreak.Assignments.Count) != (AgentStatus.NotReady, BreakReason, 0))
        {
            problems.Add($"{OnBreakAgentId} was not ready ({BreakReason}) with no work; after the kill: {onBreak.Status} '{onBreak.NotReadyReason}' holding {onBreak.Assignments.Count}");
        }

        // The checks had material: contacts of both priorities waiting in order, connected and completed contacts.
        var waitingPriorities = snapshot.Contacts.Values.Where(c => c.State == ContactState.Queued).Select(c => c.Priority).Distinct().Count();
        if (waitingPriorities < 2)
        {
            problems.Add($"the contacts left waiting do not mix priorities, so their order proves little: {CrashCenter.Summary(snapshot)}");
        }

        if (!snapshot.Contacts.Values.Any(c => c.State == ContactState.Connected) || !snapshot.Contacts.Values.Any(c => c.State == ContactState.Completed))
        {
            problems.Add($"no connected or no completed contact to check: {CrashCenter.Summary(snapshot)}");
        }

        return (problems, snapshot);
    }

    private async Task ConfigureAsync(RoutingClient client)
    {
        await CrashCenter.QueueAsync(client, QueueId, [Channel.Voice, Channel.Chat], LongOfferTimeout);
        foreach (var agent in Roster)
        {
            await CrashCenter.AgentAsync(client, agent, QueueId);
            var status = agent.AgentId == OnBreakAgentId ? AgentStatus.NotReady : AgentStatus.Available;
            var view = await client.Agents.SetStatusAsync(
                new SetStatusRequest { AgentId = agent.AgentId, Status = status, Reason = status == AgentStatus.NotReady ? BreakReason : string.Empty, RequestId = RoutingClient.NewRequestId() },
                deadline: CrashCenter.Deadline());
            ledger.Statuses[agent.AgentId] = (view.Status, null);
        }
    }
}
