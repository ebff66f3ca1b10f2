using System.Security.Claims;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Time.Testing;
using Routing.Api.V1;
using Routing.Server.Security;

namespace Routing.Server.Tests.Hostile;

public static partial class HostileCorpus
{
    private const string NeedsToken = "a bearer token is required";

    private static HostileCase TokenCase(string name, string token, StatusCode expected, string message) =>
        Case("Token: " + name, expected, message, async c =>
        {
            using var client = c.With(token);
            await client.Supervisor.ListQueuesAsync(new ListQueuesRequest());
        });

    // Signed with the server's own key, so only the role is wrong (the development minter refuses unknown roles).
    private static string RoleToken(string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = new Dictionary<string, object>(StringComparer.Ordinal) { [ApiRoles.RoleClaim] = new[] { role } },
        Subject = new ClaimsIdentity([new Claim("sub", role)]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(HostileCorpusFixture.Auth.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
    });

    private static IEnumerable<HostileCase> TokenCases()
    {
        const StatusCode Unauthenticated = StatusCode.Unauthenticated;
        const StatusCode Denied = StatusCode.PermissionDenied;
        var otherKey = new RoutingAuthOptions { SigningKey = Convert.ToBase64String(new byte[RoutingAuthOptions.MinimumKeyBytes]) };
        var hoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(3));
        var admin = new[] { ApiRoles.Admin };

        yield return Case("Token: none on Routing", Unauthenticated, NeedsToken, async c => await c.Anonymous.Routing.RouteContactAsync(Route(_ => { })));
        yield return Case("Token: none on Agents", Unauthenticated, NeedsToken, async c => await c.Anonymous.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.LoggedOut }));
        yield return Case("Token: none on Admin", Unauthenticated, NeedsToken, async c => await c.Anonymous.Admin.RemoveAgentAsync(new RemoveAgentRequest { AgentId = Other }));
        yield return Case("Token: none on Supervisor", Unauthenticated, NeedsToken, async c => await c.Anonymous.Supervisor.ListQueuesAsync(new ListQueuesRequest()));
        yield return Case("Token: none on Feedback", Unauthenticated, NeedsToken, async c => await c.Anonymous.Feedback.RecordFeedbackAsync(new RecordFeedbackRequest { RequestId = "f", ContactId = c.WaitingContactId, Csat = 1 }));
        yield return Case("Token: none on a stream", Unauthenticated, NeedsToken, c => ReadAllAsync(c.Anonymous.Agents.WatchOffers(new WatchOffersRequest { AgentId = Me })));
        yield return TokenCase("expired", DevelopmentTokens.Mint(HostileCorpusFixture.Auth, admin, null, TimeSpan.FromMinutes(10), hoursAgo), Unauthenticated, "expired");
        yield return TokenCase("signed with another key", DevelopmentTokens.Mint(otherKey, admin, null, TimeSpan.FromMinutes(10), TimeProvider.System), Unauthenticated, "signature is not valid");
        yield return TokenCase("not a JWT", "not-a-token", Unauthenticated, "");
        yield return TokenCase("of 60 KB", new string('a', 60 * 1024), Unauthenticated, "the bearer token is 61440 characters long; at most 16384 are accepted");
        yield return TokenCase("a JWT cut short", HostileCorpusFixture.Token(ApiRoles.Admin, null)[..40], Unauthenticated, "");
        yield return TokenCase("with its signature removed", string.Join('.', HostileCorpusFixture.Token(ApiRoles.Admin, null).Split('.')[..2]) + ".", Unauthenticated, "");
        yield return TokenCase("with an unknown role", RoleToken("root"), Denied, "ListQueues needs the role supervisor or admin; the token has root");
        yield return Case("Token: an adapter changing configuration", Denied, "UpsertQueue needs the role admin; the token has adapter", async c => await c.Adapter.Admin.UpsertQueueAsync(Queue(q => q.MaxWaiting = 1)));
        yield return Case("Token: an agent making itself VIP", Denied, "needs the role admin", async c => await c.Agent.Admin.UpsertCustomerAsync(new CustomerConfig { CustomerId = HostileCallers.CustomerId, Tier = CustomerTier.Vip }));
        yield return Case("Token: an agent reading customers", Denied, "GetCustomer needs the role", async c => await c.Agent.Admin.GetCustomerAsync(new GetCustomerRequest { CustomerId = HostileCallers.CustomerId }));
        yield return Case("Token: an agent routing contacts", Denied, "RouteContact needs the role adapter", async c => await c.Agent.Routing.RouteContactAsync(Route(_ => { })));
        yield return Case("Token: a supervisor removing an agent", Denied, "RemoveAgent needs the role admin", async c => await c.Supervisor.Admin.RemoveAgentAsync(new RemoveAgentRequest { AgentId = Other }));
        yield return Case("Token: an adapter logging an agent out", Denied, "SetStatus needs the role", async c => await c.Adapter.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.LoggedOut }));
        yield return Case("Token: an agent token without agent_id", Denied, "an agent's token must name its agent (claim agent_id)", async c =>
        {
            using var client = c.With(HostileCorpusFixture.Token(ApiRoles.Agent, null));
            await client.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "s", AgentId = Me, Status = AgentStatus.LoggedOut });
        });
    }
}
