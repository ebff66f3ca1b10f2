using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Security;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Clients;

/// <summary>A token provider is asked before every call, unary or streaming, and its token is what the server checks.</summary>
[Collection(AuthServerCollection.Name)]
public sealed class ClientTokenProviderTests(AuthServerFixture fixture)
{
    [Fact]
    public async Task The_provider_is_asked_per_call_and_a_fresh_token_replaces_an_expired_one()
    {
        var asked = 0;
        var expired = DevelopmentTokens.Mint(AuthServerFixture.Auth, [ApiRoles.Admin], null, TimeSpan.FromMinutes(10),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(1)));
        using var client = new RoutingClient(new RoutingClientOptions
        {
            Address = new Uri(fixture.Server.Address),
            // The first call gets a token that has run out, every later one a freshly minted token.
            TokenProvider = _ => ValueTask.FromResult<string?>(Interlocked.Increment(ref asked) == 1 ? expired : AuthServerFixture.Token(ApiRoles.Admin)),
        });

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.Supervisor.ListQueuesAsync(new ListQueuesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("expired", refused.Status.Detail, StringComparison.Ordinal);

        var queue = "token-provider-" + Guid.NewGuid().ToString("N");
        await client.Admin.UpsertQueueAsync(new QueueConfig { QueueId = queue, Name = queue, Channels = { Channel.Voice } });
        Assert.Contains((await client.Supervisor.ListQueuesAsync(new ListQueuesRequest())).Queues, q => q.QueueId == queue);
        Assert.Equal(3, asked);
    }

    [Fact]
    public async Task A_stream_carries_the_providers_token_and_no_token_is_sent_when_it_answers_null()
    {
        var agent = "token-agent-" + Guid.NewGuid().ToString("N");
        string? token = null;
        using var desktop = new RoutingClient(new RoutingClientOptions
        {
            Address = new Uri(fixture.Server.Address),
            TokenProvider = _ => ValueTask.FromResult(token),
        });

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => desktop.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.StartsWith("a bearer token is required", anonymous.Status.Detail, StringComparison.Ordinal);

        // An agent's token watching another agent's offers: authenticated (so the token travelled), then denied.
        token = AuthServerFixture.Token(ApiRoles.Agent, agent);
        using var offers = desktop.Agents.WatchOffers(new WatchOffersRequest { AgentId = "someone-else" });
        var denied = await Assert.ThrowsAsync<RpcException>(() => offers.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains($"the token is agent '{agent}'s", denied.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_providers_cancellation_token_is_the_calls()
    {
        using var cancel = new CancellationTokenSource();
        var sawCancellable = false;
        using var client = new RoutingClient(new RoutingClientOptions
        {
            Address = new Uri(fixture.Server.Address),
            TokenProvider = async ct =>
            {
                sawCancellable = ct.CanBeCanceled;
                // A token service that never answers in time: the caller's cancellation must end the wait.
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return null;
            },
        });

        var call = client.Supervisor.ListQueuesAsync(new ListQueuesRequest(), cancellationToken: cancel.Token).ResponseAsync;
        await Eventually.Get(() => Task.FromResult(sawCancellable), seen => seen, "the provider to be asked");
        await cancel.CancelAsync();
        var cancelled = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
    }
}
