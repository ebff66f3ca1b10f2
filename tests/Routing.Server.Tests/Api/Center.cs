using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>Builds test queues and agents through the Admin API with unique ids.</summary>
public sealed class Center(RoutingClient client)
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    public string Id(string name) => $"{name}-{suffix}";

    public async Task<string> QueueAsync(string name, params Channel[] channels) =>
        await QueueAsync(name, channels, []);

    public async Task<string> QueueAsync(string name, Channel[] channels, (string Skill, int Level)[] skills, TimeSpan? offerTimeout = null)
    {
        var config = new QueueConfig { QueueId = Id(name), Name = name, OfferTimeout = Duration.FromTimeSpan(offerTimeout ?? TimeSpan.FromMinutes(2)) };
        config.Channels.Add(channels);
        config.DefaultSkills.Add(skills.Select(s => new SkillRequirement { Skill = s.Skill, MinLevel = s.Level }));
        await client.Admin.UpsertQueueAsync(config);
        return config.QueueId;
    }

    public async Task<string> AgentAsync(
        string name,
        string[] queues,
        (Channel Channel, int Max, bool Exclusive)[] capacity,
        (string Skill, int Level)[]? skills = null,
        bool available = true)
    {
        var config = new AgentConfig { AgentId = Id(name), Name = name };
        config.Queues.Add(queues.Select((q, i) => new QueueMembership { QueueId = q, Priority = i + 1 }));
        config.Capacity.Add(capacity.Select(c => new ChannelCapacity { Channel = c.Channel, MaxConcurrent = c.Max, Exclusive = c.Exclusive }));
        foreach (var (skill, level) in skills ?? [])
        {
            config.Skills[skill] = level;
        }

        await client.Admin.UpsertAgentAsync(config);
        if (available)
        {
            await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = config.AgentId, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        }

        return config.AgentId;
    }

    public Task<RouteContactResponse> RouteAsync(string queueId, Channel channel, string? customerId = null, string? requestId = null, params (string Skill, int Level)[] skills)
    {
        var request = new RouteContactRequest
        {
            RequestId = requestId ?? RoutingClient.NewRequestId(),
            Channel = channel,
            CustomerId = customerId ?? Id("customer"),
            QueueId = queueId,
        };
        request.RequiredSkills.Add(skills.Select(s => new SkillRequirement { Skill = s.Skill, MinLevel = s.Level }));
        return client.Routing.RouteContactAsync(request).ResponseAsync;
    }
}
