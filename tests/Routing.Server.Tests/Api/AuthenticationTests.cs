using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Security;
using static Routing.Server.Tests.Api.Refusal;

namespace Routing.Server.Tests.Api;

/// <summary>With a signing key, every call needs a valid token, each role reaches its own methods, an agent acts for itself.</summary>
[Collection(AuthServerCollection.Name)]
public sealed class AuthenticationTests(AuthServerFixture fixture)
{
    [Fact]
    public async Task Without_a_token_every_service_answers_unauthenticated_and_changes_nothing()
    {
        using var anonymous = fixture.As(null);
        using var admin = fixture.As(AuthServerFixture.Token(ApiRoles.Admin));
        var queue = "anon-" + Guid.NewGuid().ToString("N");
        const string needed = "a bearer token is required";

        await Refused(StatusCode.Unauthenticated, () => anonymous.Admin.UpsertQueueAsync(new QueueConfig { QueueId = queue, Name = queue, Channels = { Channel.Voice } }).ResponseAsync, needed);
        await Refused(StatusCode.Unauthenticated, () => anonymous.Routing.RouteContactAsync(new RouteContactRequest { RequestId = "r", QueueId = queue, CustomerId = "c", Channel = Channel.Voice }).ResponseAsync, needed);
        await Refused(StatusCode.Unauthenticated, () => anonymous.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync, needed);
        await Refused(StatusCode.Unauthenticated, () => anonymous.Agents.GetAgentAsync(new GetAgentRequest { AgentId = "a" }).ResponseAsync, needed);
        await Refused(StatusCode.Unauthenticated, () => anonymous.Feedback.RecordFeedbackAsync(new RecordFeedbackRequest { RequestId = "f", ContactId = "c" }).ResponseAsync, needed);

        Assert.DoesNotContain((await admin.Supervisor.ListQueuesAsync(new ListQueuesRequest())).Queues, q => q.QueueId == queue);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_expired_is_refused()
    {
        var otherKey = new RoutingAuthOptions { SigningKey = Convert.ToBase64String(new byte[RoutingAuthOptions.MinimumKeyBytes]) };
        using var forged = fixture.As(DevelopmentTokens.Mint(otherKey, [ApiRoles.Admin], null, TimeSpan.FromMinutes(10), TimeProvider.System));
        await Refused(StatusCode.Unauthenticated, () => forged.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync, "signature is not valid");

        var twoHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(2));
        using var expired = fixture.As(DevelopmentTokens.Mint(AuthServerFixture.Auth, [ApiRoles.Admin], null, TimeSpan.FromMinutes(10), twoHoursAgo));
        await Refused(StatusCode.Unauthenticated, () => expired.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync, "expired");
    }

    [Fact]
    public async Task Each_role_reaches_its_own_methods_and_is_denied_the_others()
    {
        using var admin = fixture.As(AuthServerFixture.Token(ApiRoles.Admin));
        using var adapter = fixture.As(AuthServerFixture.Token(ApiRoles.Adapter));
        using var supervisor = fixture.As(AuthServerFixture.Token(ApiRoles.Supervisor));
        using var agent = fixture.As(AuthServerFixture.Token(ApiRoles.Agent, "someone"));
        var queue = "roles-" + Guid.NewGuid().ToString("N");
        var config = new QueueConfig { QueueId = queue, Name = queue, Channels = { Channel.Voice } };

        await Refused(StatusCode.PermissionDenied, () => adapter.Admin.UpsertQueueAsync(config).ResponseAsync, "UpsertQueue needs the role admin; the token has adapter");
        await Refused(StatusCode.PermissionDenied, () => supervisor.Admin.UpsertQueueAsync(config).ResponseAsync, "needs the role admin");
        await Refused(StatusCode.PermissionDenied, () => agent.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync, "ListQueues needs the role supervisor or admin");
        await Refused(StatusCode.PermissionDenied, () => supervisor.Routing.RouteContactAsync(new RouteContactRequest { RequestId = "r", QueueId = queue, CustomerId = "c", Channel = Channel.Voice }).ResponseAsync, "needs the role adapter");
        Assert.DoesNotContain((await supervisor.Supervisor.ListQueuesAsync(new ListQueuesRequest())).Queues, q => q.QueueId == queue);

        await admin.Admin.UpsertQueueAsync(config);
        Assert.Contains((await supervisor.Supervisor.ListQueuesAsync(new ListQueuesRequest())).Queues, q => q.QueueId == queue);
        var routed = await adapter.Routing.RouteContactAsync(new RouteContactRequest { RequestId = RoutingClient.NewRequestId(), QueueId = queue, CustomerId = "c-" + queue, Channel = Channel.Voice });
        Assert.Equal(RouteOutcome.Queued, routed.Outcome);
    }

    [Fact]
    public async Task An_agent_acts_for_itself_only_and_a_supervisor_for_any_agent()
    {
        using var admin = fixture.As(AuthServerFixture.Token(ApiRoles.Admin));
        using var adapter = fixture.As(AuthServerFixture.Token(ApiRoles.Adapter));
        using var supervisor = fixture.As(AuthServerFixture.Token(ApiRoles.Supervisor));
        var center = new Center(admin);
        var queue = await center.QueueAsync("own", Channel.Voice);
        var ana = await center.AgentAsync("ana", [queue], [(Channel.Voice, 1, true)], available: false);
        var bob = await center.AgentAsync("bob", [queue], [(Channel.Voice, 1, true)], available: false);
        using var asAna = fixture.As(AuthServerFixture.Token(ApiRoles.Agent, ana));
        using var asBob = fixture.As(AuthServerFixture.Token(ApiRoles.Agent, bob));

        await Refused(StatusCode.PermissionDenied, () => asBob.Agents.SetStatusAsync(new SetStatusRequest { AgentId = ana, Status = AgentStatus.Available, RequestId = "s" }).ResponseAsync, $"the token is agent '{bob}'s and cannot act for agent '{ana}'");
        Assert.Equal(AgentStatus.LoggedOut, (await supervisor.Agents.GetAgentAsync(new GetAgentRequest { AgentId = ana })).Status);
        await asAna.Agents.SetStatusAsync(new SetStatusRequest { AgentId = ana, Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });

        var call = await adapter.Routing.RouteContactAsync(new RouteContactRequest { RequestId = RoutingClient.NewRequestId(), QueueId = queue, CustomerId = center.Id("caller"), Channel = Channel.Voice });
        Assert.Equal(ana, call.AgentId);
        await Refused(StatusCode.PermissionDenied, () => asBob.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = ana, ContactId = call.ContactId, RequestId = "a" }).ResponseAsync, "cannot act for agent");
        await Refused(StatusCode.PermissionDenied, () => supervisor.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = ana, ContactId = call.ContactId, RequestId = "a" }).ResponseAsync, "AcceptOffer needs the role agent");
        Assert.Equal(AssignmentPhase.Offered, Assert.Single((await supervisor.Agents.GetAgentAsync(new GetAgentRequest { AgentId = ana })).Assignments).Phase);

        var accepted = await asAna.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = ana, ContactId = call.ContactId, RequestId = RoutingClient.NewRequestId() });
        Assert.Equal(AssignmentPhase.Connected, accepted.Phase);

        // A supervisor's action on any agent: set bob not ready.
        var bobNow = await supervisor.Agents.SetStatusAsync(new SetStatusRequest { AgentId = bob, Status = AgentStatus.NotReady, Reason = "coaching", RequestId = RoutingClient.NewRequestId() });
        Assert.Equal(AgentStatus.NotReady, bobNow.Status);
    }

    [Fact]
    public async Task Request_ids_are_each_callers_own()
    {
        using var admin = fixture.As(AuthServerFixture.Token(ApiRoles.Admin));
        using var gatewayA = fixture.As(AuthServerFixture.Token(ApiRoles.Adapter, subject: "gateway-a"));
        using var gatewayB = fixture.As(AuthServerFixture.Token(ApiRoles.Adapter, subject: "gateway-b"));
        var center = new Center(admin);
        var queue = await center.QueueAsync("ids", Channel.Voice);
        var requestId = RoutingClient.NewRequestId();
        RouteContactRequest Route(string customer) => new() { RequestId = requestId, QueueId = queue, CustomerId = center.Id(customer), Channel = Channel.Voice };

        var first = await gatewayA.Routing.RouteContactAsync(Route("ann"));
        var other = await gatewayB.Routing.RouteContactAsync(Route("ben"));
        Assert.NotEqual(first.ContactId, other.ContactId);
        Assert.Equal(RouteOutcome.Queued, other.Outcome);
        Assert.Equal(center.Id("ben"), (await gatewayB.Routing.GetContactAsync(new GetContactRequest { ContactId = other.ContactId })).CustomerId);

        // The same caller's retry is its first decision; its id for another contact is refused.
        Assert.Equal(first.ContactId, (await gatewayA.Routing.RouteContactAsync(Route("ann"))).ContactId);
        await Refused(StatusCode.FailedPrecondition, () => gatewayA.Routing.RouteContactAsync(Route("cy")).ResponseAsync, $"request_id '{requestId}' was already used for a different contact");
        using var supervisor = fixture.As(AuthServerFixture.Token(ApiRoles.Supervisor));
        Assert.Equal(2, (await supervisor.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue })).Waiting);
    }

    [Fact]
    public async Task The_mint_token_command_prints_a_token_the_server_accepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = TokenCommand.Run(["--roles", "supervisor", $"--Routing:Auth:SigningKey={AuthServerFixture.SigningKey}"], output, error);

        Assert.Equal(0, exit);
        using var client = fixture.As(output.ToString().Trim());
        Assert.NotNull(await client.Supervisor.ListQueuesAsync(new ListQueuesRequest()));
        Assert.Equal(2, TokenCommand.Run(["--roles", "root", $"--Routing:Auth:SigningKey={AuthServerFixture.SigningKey}"], output, error));
        Assert.Contains("roles must be some of adapter, agent, supervisor, admin", error.ToString(), StringComparison.Ordinal);
    }
}
