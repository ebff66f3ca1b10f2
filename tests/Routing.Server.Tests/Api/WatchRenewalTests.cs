using Microsoft.Extensions.DependencyInjection;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Services;

namespace Routing.Server.Tests.Api;

/// <summary>Idle offer streams renew their watch when the server's one sweep wakes them, not on timers of their own.</summary>
[Collection(ServerCollection.Name)]
public sealed class WatchRenewalTests(ServerFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_feed_is_woken_to_renew_once_its_renewal_is_due_and_not_before()
    {
        var feeds = fixture.Server.Services.GetRequiredService<ChangeFeeds>();
        var now = DateTimeOffset.UtcNow;
        using var due = feeds.Open();
        using var later = feeds.Open();
        using var refreshing = feeds.Open();
        due.RenewAt = now - TimeSpan.FromSeconds(1);
        later.RenewAt = now + TimeSpan.FromMinutes(5);

        feeds.WakeDue(now);

        Assert.True(await due.Feed.WaitAsync(Deadline, CancellationToken.None), "the due feed was not woken");
        Assert.True(due.Feed.TakeReadRequest(), "a renewal is a read of the grain, not a pushed change");
        Assert.False(await later.Feed.WaitAsync(TimeSpan.Zero, CancellationToken.None), "a feed not yet due was woken");
        Assert.False(await refreshing.Feed.WaitAsync(TimeSpan.Zero, CancellationToken.None), "a feed that renews on its own was woken");
    }

    [Fact]
    public async Task An_offer_stream_renews_when_woken_and_still_gets_offers()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("renewing", Channel.Voice);
        var agent = await center.AgentAsync("renewer", [queue], [(Channel.Voice, 1, true)]);
        using var desktop = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agent });
        var feeds = fixture.Server.Services.GetRequiredService<ChangeFeeds>();

        // Every open stream's renewal is brought forward: each watches its agent again, as after a renewal interval.
        var first = await center.RouteAsync(queue, Channel.Voice);
        Assert.True(await desktop.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal((OfferEventKind.Offered, first.ContactId), (desktop.ResponseStream.Current.Kind, desktop.ResponseStream.Current.Assignment.ContactId));
        feeds.WakeDue(DateTimeOffset.MaxValue);
        await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { AgentId = agent, ContactId = first.ContactId, RequestId = RoutingClient.NewRequestId() });
        Assert.True(await desktop.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal((OfferEventKind.Accepted, first.ContactId), (desktop.ResponseStream.Current.Kind, desktop.ResponseStream.Current.Assignment.ContactId));
        await client.Agents.CompleteContactAsync(new CompleteContactRequest { AgentId = agent, ContactId = first.ContactId, RequestId = RoutingClient.NewRequestId() });

        var second = await center.RouteAsync(queue, Channel.Voice);
        Assert.True(await desktop.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal((OfferEventKind.Offered, second.ContactId), (desktop.ResponseStream.Current.Kind, desktop.ResponseStream.Current.Assignment.ContactId));
    }
}
