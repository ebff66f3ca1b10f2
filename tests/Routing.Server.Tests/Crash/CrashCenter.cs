using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Crash;

/// <summary>Configuration and reads the crash tests share, over the public API.</summary>
internal static class CrashCenter
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    // Priorities never age past each other within a test, so the waiting order is the priority order.
    private static readonly TimeSpan StarvationBound = TimeSpan.FromHours(1);

    internal static async Task<string> QueueAsync(RoutingClient client, string queueId, Channel[] channels, TimeSpan offerTimeout)
    {
        var config = new QueueConfig
        {
            QueueId = queueId,
            Name = queueId,
            MaxWaiting = 1000,
            OfferTimeout = Duration.FromTimeSpan(offerTimeout),
            StarvationBound = Duration.FromTimeSpan(StarvationBound),
        };
        config.Channels.Add(channels);
        await client.Admin.UpsertQueueAsync(config, deadline: Deadline());
        return queueId;
    }

    internal static async Task AgentAsync(RoutingClient client, CrashAgent agent, string queueId)
    {
        var config = new AgentConfig { AgentId = agent.AgentId, Name = agent.AgentId };
        config.Queues.Add(new QueueMembership { QueueId = queueId, Priority = 1 });
        config.Capacity.Add(new ChannelCapacity { Channel = agent.Channel, MaxConcurrent = agent.MaxConcurrent, Exclusive = agent.Exclusive });
        await client.Admin.UpsertAgentAsync(config, deadline: Deadline());
    }

    internal static async Task<RouteContactResponse> RouteAsync(RoutingClient client, string queueId, string requestId) =>
        await client.Routing.RouteContactAsync(
            new RouteContactRequest { RequestId = requestId, Channel = Channel.Voice, CustomerId = $"customer-{requestId}", QueueId = queueId },
            deadline: Deadline());

    /// <summary>Routes a call and waits until an agent holds its offer (the queue may learn of a free agent a moment late).</summary>
    internal static async Task<Contact> RouteUntilOfferedAsync(RoutingClient client, string queueId, string requestId)
    {
        var decision = await RouteAsync(client, queueId, requestId);
        return await Eventually.Get(
            () => GetContactAsync(client, decision.ContactId),
            c => c.State == ContactState.Offered,
            $"call {requestId} to be offered to a free agent");
    }

    internal static Task<Contact> GetContactAsync(RoutingClient client, string contactId) =>
        client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId }, deadline: Deadline()).ResponseAsync;

    /// <param name="deadline">Shorter than the default for a read retried while its grain may be on a hung silo.</param>
    internal static Task<Agent> GetAgentAsync(RoutingClient client, string agentId, TimeSpan? deadline = null) =>
        client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agentId }, deadline: DateTime.UtcNow + (deadline ?? CallDeadline)).ResponseAsync;

    internal static (ContactState, string) Fields(Contact contact) => (contact.State, contact.AgentId);

    internal static string Summary(RouterSnapshot snapshot) =>
        string.Join(", ", snapshot.Contacts.Values.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))
        + $"; queue waiting {snapshot.Stats.Waiting}, offered {snapshot.Stats.Offered}";

    internal static DateTime Deadline() => DateTime.UtcNow + CallDeadline;
}
