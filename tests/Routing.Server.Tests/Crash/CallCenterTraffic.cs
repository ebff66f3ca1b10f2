using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// Callers routing a bounded number of contacts concurrently, and one desktop per agent answering its offers:
/// accept (and complete, unless it is the first contact a keeping agent accepts), or now and then reject and log
/// back in. Everything that returns is written to the <see cref="CrashLedger"/>. Runs until the server dies or the
/// stop token fires; decisions come from the seed.
/// </summary>
internal sealed class CallCenterTraffic(RoutingClient client, CrashLedger ledger, string queueId, IReadOnlyList<CrashAgent> agents, int seed)
{
    public const int Callers = 4;

    /// <summary>At most this many contacts are routed, whenever the kill comes.</summary>
    public const int ContactBudget = 200;

    private const double RejectShare = 0.15;
    private const double ChatShare = 0.5;
    private const double UrgentShare = 0.4;
    private const int NormalPriority = 10;
    private const int UrgentPriority = 50;

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(20);

    private readonly List<PlannedContact> plan = Plan(seed);
    private int next = -1;

    /// <summary>Runs callers and desktops until each has stopped (the server died or <paramref name="stop"/> fired).</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll([
            .. Enumerable.Range(0, Callers).Select(_ => Task.Run(() => CallerAsync(stop), CancellationToken.None)),
            .. agents.Select((agent, i) => Task.Run(() => DesktopAsync(agent, new Random(seed + 1 + i), stop), CancellationToken.None)),
        ]);

    private static List<PlannedContact> Plan(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, ContactBudget).Select(i =>
        {
            var requestId = $"crash-{seed}-{i}";
            return new PlannedContact(
                i,
                requestId,
                Mapping.ContactIds.Of(caller: null, requestId),
                random.NextDouble() < ChatShare ? Channel.Chat : Channel.Voice,
                random.NextDouble() < UrgentShare ? UrgentPriority : NormalPriority,
                $"customer-{i}");
        })];
    }

    private async Task CallerAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref next);
            if (index >= plan.Count)
            {
                return;
            }

            var contact = plan[index];
            var request = new RouteContactRequest
            {
                RequestId = contact.RequestId,
                Channel = contact.Channel,
                CustomerId = contact.CustomerId,
                QueueId = queueId,
                Priority = contact.Priority,
            };
            ledger.Attempted[contact.ContactId] = contact;
            var sent = ledger.Tick();
            try
            {
                var decision = await client.Routing.RouteContactAsync(request, deadline: Deadline(), cancellationToken: CancellationToken.None);
                ledger.RecordRouted(new RoutedContact(contact, decision.Outcome, decision.Position, decision.AgentId, sent, ledger.Tick()));
            }
            catch (RpcException ex)
            {
                ledger.RecordFailure($"RouteContact {contact.ContactId}", ex);
                return;
            }
        }
    }

    private async Task DesktopAsync(CrashAgent agent, Random random, CancellationToken stop)
    {
        var keptOne = false;
        try
        {
            using var offers = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agent.AgentId }, cancellationToken: stop);
            await foreach (var update in offers.ResponseStream.ReadAllAsync(stop))
            {
                foreach (var violation in RouterInvariants.CapacityViolations(update.Agent, agent))
                {
                    ledger.Violations.Enqueue($"during traffic: {violation}");
                }

                if (update.Kind != OfferEventKind.Offered)
                {
                    continue;
                }

                var contactId = update.Assignment.ContactId;
                ledger.RecordOffer(agent.AgentId, contactId);
                if (random.NextDouble() < RejectShare)
                {
                    await RejectAndLogBackInAsync(agent.AgentId, contactId);
                    continue;
                }

                ledger.AcceptSent[contactId] = agent.AgentId;
                await client.Agents.AcceptOfferAsync(
                    new AcceptOfferRequest { AgentId = agent.AgentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId() },
                    deadline: Deadline(),
                    cancellationToken: CancellationToken.None);
                ledger.RecordAccepted(contactId, agent.AgentId);
                if (agent.KeepsFirstAccepted && !keptOne)
                {
                    keptOne = true;
                    continue;
                }

                ledger.RecordLetGo(agent.AgentId, contactId);
                ledger.CompleteSent[contactId] = agent.AgentId;
                await client.Agents.CompleteContactAsync(
                    new CompleteContactRequest { AgentId = agent.AgentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId(), Disposition = "resolved" },
                    deadline: Deadline(),
                    cancellationToken: CancellationToken.None);
                ledger.RecordCompleted(contactId, agent.AgentId);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (RpcException ex)
        {
            ledger.RecordFailure($"desktop of {agent.AgentId}", ex);
        }
    }

    private async Task RejectAndLogBackInAsync(string agentId, string contactId)
    {
        // A reject makes the agent not ready (missed); the desktop logs straight back in. The status each call
        // returned is what the agent must still have after a crash, unless a change was in flight.
        ledger.RecordLetGo(agentId, contactId);
        ledger.RejectSent[(agentId, contactId)] = true;
        ledger.Statuses[agentId] = (ledger.Statuses[agentId].Known, AgentStatus.NotReady);
        var afterReject = await client.Agents.RejectOfferAsync(
            new RejectOfferRequest { AgentId = agentId, ContactId = contactId, RequestId = RoutingClient.NewRequestId(), Reason = "busy with a customer" },
            deadline: Deadline());
        ledger.Statuses[agentId] = (afterReject.Status, AgentStatus.Available);
        var afterLogin = await client.Agents.SetStatusAsync(
            new SetStatusRequest { AgentId = agentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() },
            deadline: Deadline());
        ledger.Statuses[agentId] = (afterLogin.Status, null);
    }

    // Calls are never cancelled by the stop token: only the kill ends a call in flight, so "sent but not returned"
    // always means "in flight at the kill".
    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;
}
