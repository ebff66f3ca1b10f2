using Routing.Abstractions;
using Routing.Core;

namespace Routing.Grains.Tests;

/// <summary>
/// One test's contact center inside the shared cluster: every queue, agent, contact and customer id gets the same
/// unique suffix, so tests never see each other's grains. Names in tests stay short ("chat", "ana", "c1").
/// </summary>
internal sealed class CallCenter(IGrainFactory grains)
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Opens a feed the center's grains can notify, as the server's streams do.</summary>
    public ChangeFeed Watch() => new(grains);

    public string Id(string name) => $"{name}-{suffix}";

    public IQueueGrain Queue(string name) => grains.GetGrain<IQueueGrain>(Id(name));

    /// <summary>A queue by its full id, as tickets carry it.</summary>
    public IQueueGrain QueueWithId(string queueId) => grains.GetGrain<IQueueGrain>(queueId);

    public IAgentGrain Agent(string name) => grains.GetGrain<IAgentGrain>(Id(name));

    public IContactGrain Contact(string name) => grains.GetGrain<IContactGrain>(Id(name));

    public ICustomerGrain Customer(string name) => grains.GetGrain<ICustomerGrain>(Id(name));

    /// <summary>A queue with a long offer timeout and starvation bound, so only what a test sets decides its outcome.</summary>
    public static QueueDefinition QueueOf(params Channel[] channels) => new(
        Name: "queue",
        Channels: channels,
        DefaultSkills: [],
        ServiceLevelTarget: TimeSpan.FromSeconds(20),
        ServiceLevelPercent: 80,
        MaxWaiting: 1000,
        Relaxation: [],
        StarvationBound: TimeSpan.FromMinutes(10),
        Strategy: AgentSelectionStrategy.LongestIdle,
        OfferTimeout: TimeSpan.FromMinutes(1),
        DefaultHandleTime: TimeSpan.FromMinutes(3));

    public static CapacityProfile ExclusiveVoice => CapacityProfile.Of((Channel.Voice, new ChannelCapacity(1, Exclusive: true)));

    public static CapacityProfile Chats(int count) => CapacityProfile.Of((Channel.Chat, new ChannelCapacity(count)));

    public static Dictionary<string, int> Skills(params (string Skill, int Level)[] skills) =>
        skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal);

    public async Task<IQueueGrain> CreateQueue(string name, QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var reply = await Queue(name).Configure(definition with { Name = name });
        Assert.True(reply.IsOk, reply.Message);
        return Queue(name);
    }

    /// <summary>Configures an agent serving the named queues (with its priority for each), then sets its presence.</summary>
    public async Task<IAgentGrain> CreateAgent(
        string name,
        CapacityProfile capacity,
        IEnumerable<(string Queue, int Priority)> queues,
        Dictionary<string, int>? skills = null,
        Dictionary<Channel, TimeSpan>? wrapUp = null,
        AgentPresence presence = AgentPresence.Available,
        string reason = "")
    {
        var agent = Agent(name);
        var definition = new AgentDefinition(
            name,
            skills ?? [],
            capacity,
            wrapUp ?? [],
            [.. queues.Select(q => new QueueMembership(Id(q.Queue), q.Priority))]);
        var configured = await agent.Configure(definition);
        Assert.True(configured.IsOk, configured.Message);
        var present = await agent.SetPresence(presence, reason);
        Assert.True(present.IsOk, present.Message);
        return agent;
    }

    /// <summary>Routes a contact whose request id is its contact id; each contact has its own customer unless one is named.</summary>
    public Task<Reply<RouteDecision>> Route(
        string contact,
        string queue,
        Channel channel,
        int priority = ContactPriority.Default,
        string? customer = null,
        params SkillRequirement[] skills) =>
        Contact(contact).Route(new RouteRequest(
            Id(contact),
            channel,
            Id(customer ?? $"customer-of-{contact}"),
            Id(queue),
            skills,
            priority,
            new Dictionary<string, string>()));

    /// <summary>Routes and asserts the request was accepted; answers the decision.</summary>
    public async Task<RouteDecision> Routed(
        string contact,
        string queue,
        Channel channel,
        int priority = ContactPriority.Default,
        string? customer = null,
        params SkillRequirement[] skills)
    {
        var reply = await Route(contact, queue, channel, priority, customer, skills);
        Assert.True(reply.IsOk, $"routing {contact} failed: {reply.Status} {reply.Message}");
        return reply.Value!;
    }

    /// <summary>
    /// Agents tell their queues about themselves one-way; waits until the queue's view matches what the test set up,
    /// so that routing decisions are made on it.
    /// </summary>
    public Task<QueueStats?> QueueSees(string queue, int loggedIn, int available, int notReady = 0) =>
        Poll.Eventually(
            () => Queue(queue).GetStats(),
            s => s is not null && s.AgentsLoggedIn == loggedIn && s.AgentsAvailable == available && s.AgentsNotReady == notReady,
            $"queue {queue} should see {loggedIn} agents logged in, {available} available and {notReady} not ready");

    public async Task<int?> PositionOf(string queue, string contact) => (await Queue(queue).GetContactStatus(Id(contact))).Position;

    public async Task<IReadOnlyList<string>> HeldBy(string agent) =>
        [.. (await Agent(agent).Get())!.Assignments.Select(a => a.Ticket.ContactId)];
}
