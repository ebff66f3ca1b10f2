using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Crash;

/// <summary>
/// Everything the checks read after the restart, read through the public API: every agent, every contact a caller
/// tried to route (absent when the server never recorded it), and the queue's numbers.
/// </summary>
internal sealed record RouterSnapshot(IReadOnlyDictionary<string, Agent> Agents, IReadOnlyDictionary<string, Contact> Contacts, QueueStats Stats)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A snapshot once the restarted server has settled: agents activated by the first reads reconcile with their
    /// queues and may pull waiting contacts, so one read can catch a contact between two grains. Reads until two
    /// in a row agree, or fails at the deadline.
    /// </summary>
    public static async Task<RouterSnapshot> SettledAsync(
        RoutingClient client, IEnumerable<string> agentIds, IEnumerable<string> contactIds, string queueId, TimeSpan timeout)
    {
        var agents = agentIds.ToList();
        var contacts = contactIds.ToList();
        var started = Stopwatch.StartNew();
        var previous = await TakeAsync(client, agents, contacts, queueId);
        while (true)
        {
            await Task.Delay(Pause);
            var current = await TakeAsync(client, agents, contacts, queueId);
            if (current.Digest() == previous.Digest())
            {
                return current;
            }

            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"the restarted server did not settle within {timeout.TotalSeconds:0} s; last two reads:\n{previous.Digest()}\n---\n{current.Digest()}");
            }

            previous = current;
        }
    }

    public static async Task<RouterSnapshot> TakeAsync(RoutingClient client, IReadOnlyList<string> agentIds, IReadOnlyList<string> contactIds, string queueId)
    {
        var agents = await Task.WhenAll(agentIds.Select(id =>
            client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = id }, deadline: DateTime.UtcNow + CallDeadline).ResponseAsync));
        var contacts = await Task.WhenAll(contactIds.Select(id => GetContactOrNullAsync(client, id)));
        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queueId }, deadline: DateTime.UtcNow + CallDeadline);
        return new RouterSnapshot(
            agents.ToDictionary(a => a.AgentId, StringComparer.Ordinal),
            contacts.OfType<Contact>().ToDictionary(c => c.ContactId, StringComparer.Ordinal),
            stats);
    }

    /// <summary>The facts the checks use, in a stable order: two equal digests mean nothing moved.</summary>
    public string Digest()
    {
        var text = new StringBuilder();
        foreach (var agent in Agents.Values.OrderBy(a => a.AgentId, StringComparer.Ordinal))
        {
            text.Append(agent.AgentId).Append(' ').Append(agent.Status).Append(" '").Append(agent.NotReadyReason).Append("' [")
                .AppendJoin(", ", agent.Assignments.OrderBy(a => a.ContactId, StringComparer.Ordinal).Select(a => $"{a.ContactId}:{a.Phase}"))
                .AppendLine("]");
        }

        foreach (var contact in Contacts.Values.OrderBy(c => c.ContactId, StringComparer.Ordinal))
        {
            text.Append(contact.ContactId).Append(' ').Append(contact.State).Append(' ').Append(contact.AgentId).Append(" #").Append(contact.Position).AppendLine();
        }

        return text.Append("waiting ").Append(Stats.Waiting).Append(" offered ").Append(Stats.Offered).ToString();
    }

    private static async Task<Contact?> GetContactOrNullAsync(RoutingClient client, string contactId)
    {
        try
        {
            return await client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }, deadline: DateTime.UtcNow + CallDeadline);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Only for a route that was in flight at the kill: the server never recorded the contact.
            return null;
        }
    }
}
