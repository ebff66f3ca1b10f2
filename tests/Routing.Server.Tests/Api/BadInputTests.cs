using Grpc.Core;
using Routing.Api.V1;
using RequestValidationLimits = Routing.Server.Mapping.InputLimits;
using static Routing.Server.Tests.Api.Refusal;

namespace Routing.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    [Fact]
    public async Task Bad_route_requests_are_refused_with_a_message_and_change_nothing()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("strict", Channel.Voice, Channel.Chat);

        RouteContactRequest Request(Action<RouteContactRequest> change)
        {
            var request = new RouteContactRequest { RequestId = Guid.NewGuid().ToString("N"), Channel = Channel.Voice, CustomerId = "c1", QueueId = queue };
            change(request);
            return request;
        }

        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.RequestId = "")).ResponseAsync, "request_id is required");
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.Channel = Channel.Unspecified)).ResponseAsync, "channel is required");
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.Channel = (Channel)42)).ResponseAsync, "channel 42 is not a known channel");
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.CustomerId = " ")).ResponseAsync, "customer_id is required");
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.RequiredSkills.Add(new SkillRequirement { Skill = "billing", MinLevel = 11 }))).ResponseAsync, "proficiency 11 for skill 'billing' is out of range 1-10");
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.Priority = 101)).ResponseAsync, "priority 101 is out of range 0-100");
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.Channel = Channel.Email)).ResponseAsync, $"queue '{queue}' does not take email");
        await Refused(StatusCode.NotFound, () => client.Routing.RouteContactAsync(Request(r => r.QueueId = "no-such-queue")).ResponseAsync, "queue 'no-such-queue' does not exist");

        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal((0, 0L), (stats.Waiting, stats.OffersMade));
    }

    [Fact]
    public async Task Bad_admin_requests_are_refused_with_a_message_and_change_nothing()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("admin", Channel.Chat);
        var agentId = center.Id("agent");

        AgentConfig Agent(Action<AgentConfig> change)
        {
            var config = new AgentConfig { AgentId = agentId };
            config.Capacity.Add(new ChannelCapacity { Channel = Channel.Chat, MaxConcurrent = 2 });
            config.Queues.Add(new QueueMembership { QueueId = queue, Priority = 1 });
            change(config);
            return config;
        }

        await Refused(StatusCode.InvalidArgument, () => client.Admin.UpsertAgentAsync(Agent(a => a.Skills["billing"] = 11)).ResponseAsync, "proficiency 11 for skill 'billing' is out of range 1-10");
        await Refused(StatusCode.InvalidArgument, () => client.Admin.UpsertAgentAsync(Agent(a => a.Skills["billing"] = 0)).ResponseAsync, "proficiency 0 for skill 'billing' is out of range 1-10");
        await Refused(StatusCode.InvalidArgument, () => client.Admin.UpsertAgentAsync(Agent(a => a.Capacity.Clear())).ResponseAsync, "needs capacity for at least one channel");
        await Refused(StatusCode.InvalidArgument, () => client.Admin.UpsertAgentAsync(Agent(a => a.Capacity.Add(new ChannelCapacity { Channel = (Channel)9, MaxConcurrent = 1 }))).ResponseAsync, "capacity.channel 9 is not a known channel");
        await Refused(StatusCode.InvalidArgument, () => client.Admin.UpsertAgentAsync(Agent(a => a.AgentId = "")).ResponseAsync, "agent_id is required");
        await Refused(StatusCode.NotFound, () => client.Admin.UpsertAgentAsync(Agent(a => a.Queues.Add(new QueueMembership { QueueId = "ghost-queue", Priority = 2 }))).ResponseAsync, "queue 'ghost-queue' does not exist");
        await Refused(StatusCode.InvalidArgument, () => client.Admin.UpsertQueueAsync(new QueueConfig { QueueId = center.Id("empty") }).ResponseAsync, "must take at least one channel");

        await Refused(StatusCode.NotFound, () => client.Admin.GetAgentConfigAsync(new GetAgentConfigRequest { AgentId = agentId }).ResponseAsync, $"agent '{agentId}' does not exist");
        await Refused(StatusCode.NotFound, () => client.Admin.GetQueueAsync(new GetQueueRequest { QueueId = center.Id("empty") }).ResponseAsync, "does not exist");
    }

    [Fact]
    public async Task Accepting_someone_elses_offer_fails_and_changes_nothing()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("mine", Channel.Voice);
        var owner = await center.AgentAsync("owner", [queue], [(Channel.Voice, 1, true)]);
        var other = await center.AgentAsync("other", [queue], [(Channel.Voice, 1, true)], available: false);
        var call = await center.RouteAsync(queue, Channel.Voice);
        Assert.Equal(owner, call.AgentId);

        await Refused(StatusCode.FailedPrecondition, () => client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = other, ContactId = call.ContactId, RequestId = "x" }).ResponseAsync, $"agent '{other}' holds no offer for contact '{call.ContactId}'");
        var nobody = "nobody-" + Guid.NewGuid().ToString("N");
        await Refused(StatusCode.NotFound, () => client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = nobody, ContactId = call.ContactId, RequestId = "y" }).ResponseAsync, $"agent '{nobody}' does not exist");
        await Refused(StatusCode.NotFound, () => client.Agents.RejectOfferAsync(new RejectOfferRequest { AgentId = nobody, ContactId = call.ContactId, RequestId = "y" }).ResponseAsync, $"agent '{nobody}' does not exist");
        await Refused(StatusCode.NotFound, () => client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = nobody, ContactId = call.ContactId, RequestId = "y" }).ResponseAsync, $"agent '{nobody}' does not exist");
        await Refused(StatusCode.NotFound, () => client.Agents.EndWrapUpAsync(new EndWrapUpRequest { AgentId = nobody, ContactId = call.ContactId, RequestId = "y" }).ResponseAsync, $"agent '{nobody}' does not exist");
        await Refused(StatusCode.NotFound, () => client.Agents.TransferContactAsync(new TransferContactRequest { AgentId = nobody, ContactId = call.ContactId, ToQueueId = queue, RequestId = "y" }).ResponseAsync, $"agent '{nobody}' does not exist");
        await Refused(StatusCode.InvalidArgument, () => client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = other, Status = AgentStatus.NotReady, RequestId = "z" }).ResponseAsync, "reason");

        var ownerView = await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = owner });
        var offer = Assert.Single(ownerView.Assignments);
        Assert.Equal((call.ContactId, AssignmentPhase.Offered), (offer.ContactId, offer.Phase));
        Assert.Empty((await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = other })).Assignments);
        Assert.Equal(ContactState.Offered, (await client.Routing.GetContactAsync(new GetContactRequest { ContactId = call.ContactId })).State);
    }

    [Fact]
    public async Task Huge_and_hostile_values_are_quoted_short_and_escaped_and_oversized_messages_are_refused()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("bounded", Channel.Voice);

        RouteContactRequest Request(Action<RouteContactRequest> change)
        {
            var request = new RouteContactRequest { RequestId = Guid.NewGuid().ToString("N"), Channel = Channel.Voice, CustomerId = "c1", QueueId = queue };
            change(request);
            return request;
        }

        var huge = await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.CustomerId = new string('x', 100_000))).ResponseAsync, "(100000 characters)");
        Assert.True(huge.Status.Detail.Length < 300, $"the message quotes too much: {huge.Status.Detail.Length} characters");

        var hostile = await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.CustomerId = "evil\u001b[31m\nFAKE LOG LINE\u0000")).ResponseAsync, "'evil\\u001b[31m\\u000aFAKE LOG LINE\\u0000'");
        Assert.DoesNotContain(hostile.Status.Detail, char.IsControl);

        var tooManySkills = Enumerable.Range(0, RequestValidationLimits.MaxSkillsPerContact + 1).Select(i => new SkillRequirement { Skill = $"s{i}", MinLevel = 1 });
        await Refused(StatusCode.InvalidArgument, () => client.Routing.RouteContactAsync(Request(r => r.RequiredSkills.Add(tooManySkills))).ResponseAsync, $"at most {RequestValidationLimits.MaxSkillsPerContact} are allowed");

        await Refused(StatusCode.ResourceExhausted, () => client.Routing.RouteContactAsync(Request(r => r.Attributes["blob"] = new string('a', 300 * 1024))).ResponseAsync, "exceeds the maximum");

        // Nothing of it reached the queue, and the server still serves.
        var stats = await client.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue });
        Assert.Equal(0, stats.Waiting + stats.Offered);
    }
}
