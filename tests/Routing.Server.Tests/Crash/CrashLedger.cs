using System.Collections.Concurrent;
using Grpc.Core;
using Routing.Api.V1;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// What the clients were told before the kill, written by callers and desktops as calls return. A call that was
/// sent but never returned (in flight at the kill) is only "attempted": the server may or may not have carried it
/// out, and the checks allow both.
/// </summary>
internal sealed class CrashLedger
{
    private readonly Lock gate = new();
    private readonly List<(int Routed, int Accepted, int Completed, TaskCompletionSource Reached)> milestones = [];
    private long ticks;
    private volatile bool killing;

    /// <summary>Every contact a caller tried to route, returned or not, by contact id.</summary>
    public ConcurrentDictionary<string, PlannedContact> Attempted { get; } = new(StringComparer.Ordinal);

    /// <summary>Every RouteContact that returned, by contact id.</summary>
    public ConcurrentDictionary<string, RoutedContact> Routed { get; } = new(StringComparer.Ordinal);

    /// <summary>Contact id to the agent whose AcceptOffer was sent / returned OK.</summary>
    public ConcurrentDictionary<string, string> AcceptSent { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Contact id to the agent whose CompleteContact was sent / returned OK.</summary>
    public ConcurrentDictionary<string, string> CompleteSent { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Completed { get; } = new(StringComparer.Ordinal);

    /// <summary>RejectOffer calls sent, by agent and contact.</summary>
    public ConcurrentDictionary<(string AgentId, string ContactId), bool> RejectSent { get; } = new();

    /// <summary>Offers the desktops saw, by agent and contact, with how often.</summary>
    public ConcurrentDictionary<(string AgentId, string ContactId), int> OffersSeen { get; } = new();

    /// <summary>
    /// Contact id to the agent whose desktop holds it: from the OFFERED event until the desktop lets it go (it
    /// removes the contact before sending the reject or complete, so the server cannot free it any earlier).
    /// </summary>
    public ConcurrentDictionary<string, string> HeldBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Per agent: the status its last status-changing call returned, and the one a call in flight asks for.</summary>
    public ConcurrentDictionary<string, (AgentStatus Known, AgentStatus? Pending)> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Broken promises seen while the traffic ran (double offers, over capacity, calls failing before the kill).</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>The status of every call that failed after the kill began, in the order they failed.</summary>
    public ConcurrentQueue<StatusCode> FailuresAfterKill { get; } = new();

    /// <summary>Set just before the kill: from then on a failed call is the kill's doing, not a server error.</summary>
    public bool Killing => killing;

    /// <summary>One counter for all clients: orders "returned" against "sent" across tasks.</summary>
    public long Tick() => Interlocked.Increment(ref ticks);

    public void BeginKill() => killing = true;

    public void RecordRouted(RoutedContact routed)
    {
        Routed[routed.Plan.ContactId] = routed;
        CheckMilestones();
    }

    public void RecordAccepted(string contactId, string agentId)
    {
        Accepted[contactId] = agentId;
        CheckMilestones();
    }

    public void RecordCompleted(string contactId, string agentId)
    {
        Completed[contactId] = agentId;
        CheckMilestones();
    }

    /// <summary>
    /// An offer reached a desktop. It must not be for a contact another desktop still holds, nor for one some agent
    /// already accepted.
    /// </summary>
    public void RecordOffer(string agentId, string contactId)
    {
        OffersSeen.AddOrUpdate((agentId, contactId), 1, (_, n) => n + 1);
        var holder = HeldBy.GetOrAdd(contactId, agentId);
        if (holder != agentId)
        {
            Violations.Enqueue($"contact {contactId} was offered to {agentId} while {holder} held it: offered twice");
        }

        if (Accepted.TryGetValue(contactId, out var answeredBy))
        {
            Violations.Enqueue($"contact {contactId} was offered to {agentId} after {answeredBy} had accepted it");
        }
    }

    /// <summary>The desktop is about to let the contact go (reject or complete).</summary>
    public void RecordLetGo(string agentId, string contactId) =>
        HeldBy.TryRemove(new KeyValuePair<string, string>(contactId, agentId));

    /// <summary>A call failed. Before the kill that is a server error; after it, the call was merely in flight.</summary>
    public void RecordFailure(string call, RpcException exception)
    {
        if (!killing)
        {
            Violations.Enqueue($"{call} failed before the kill: {exception.StatusCode} {exception.Status.Detail}");
        }
        else
        {
            FailuresAfterKill.Enqueue(exception.StatusCode);
        }
    }

    /// <summary>Completes once this many routes, accepts and completes have returned.</summary>
    public Task Reached(int routed, int accepted, int completed)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            milestones.Add((routed, accepted, completed, reached));
        }

        CheckMilestones();
        return reached.Task;
    }

    private void CheckMilestones()
    {
        lock (gate)
        {
            foreach (var milestone in milestones.Where(m => Routed.Count >= m.Routed && Accepted.Count >= m.Accepted && Completed.Count >= m.Completed).ToList())
            {
                milestone.Reached.TrySetResult();
                milestones.Remove(milestone);
            }
        }
    }
}
