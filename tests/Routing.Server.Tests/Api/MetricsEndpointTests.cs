using Routing.Api.V1;

namespace Routing.Server.Tests.Api;

/// <summary>
/// Prometheus scrapes <c>/metrics</c> on the HTTP endpoint: the router's own instruments, with ASP.NET Core's,
/// Orleans' and the runtime's beside them; the gRPC endpoint does not serve it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MetricsEndpointTests(ServerFixture fixture) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri(fixture.Server.HttpAddress) };

    [Fact]
    public async Task Routing_an_offer_and_its_rejection_show_in_the_scrape_with_the_queue_the_contact_waits_in()
    {
        var client = fixture.Server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("metrics", Channel.Chat);
        var agent = await center.AgentAsync("metrics-agent", [queue], [(Channel.Chat, 1, false)]);
        using var offers = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agent });

        var routed = await center.RouteAsync(queue, Channel.Chat);
        Assert.Equal(RouteOutcome.Offered, routed.Outcome);
        Assert.Equal(routed.ContactId, (await Eventually.Next(offers.ResponseStream, "the offer")).Assignment.ContactId);
        await client.Agents.RejectOfferAsync(new RejectOfferRequest { AgentId = agent, ContactId = routed.ContactId, RequestId = Routing.Client.RoutingClient.NewRequestId(), Reason = "testing" });

        // Rejected, the contact is back in its place and its agent Not Ready: one waiting.
        var scrape = await Eventually.Get(
            () => http.GetStringAsync("/metrics"),
            text => PrometheusScrape.Sample(text, "routing_queue_waiting", ("queue", queue)) == 1,
            $"the scrape to show 1 waiting in {queue}");
        Assert.True(PrometheusScrape.Sample(scrape, "routing_contacts_routed_total", ("channel", "chat"), ("outcome", "offered")) >= 1);
        Assert.True(PrometheusScrape.Sample(scrape, "routing_offers_missed_total", ("reason", "rejected")) >= 1);
        Assert.True(PrometheusScrape.Sample(scrape, "routing_decision_duration_seconds_count") >= 1);
        Assert.True(PrometheusScrape.Sample(scrape, "routing_storage_batch_size_count") >= 1);
        Assert.True(PrometheusScrape.Sample(scrape, "routing_storage_batch_duration_seconds_count") >= 1);
        Assert.Contains("routing_storage_operations_total", scrape, StringComparison.Ordinal);

        // ASP.NET Core's (the gRPC calls), Orleans' and the .NET runtime's own instruments.
        Assert.True(PrometheusScrape.Sample(scrape, "http_server_request_duration_seconds_count", ("http_route", "/routing.v1.Routing/RouteContact")) >= 1);
        Assert.Contains("\norleans_", scrape, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_gc_", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grpc_endpoint_serves_neither_metrics_nor_the_page()
    {
        using var http2 = new HttpClient { BaseAddress = new Uri(fixture.Server.Address), DefaultRequestVersion = System.Net.HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http2.GetAsync("/metrics")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http2.GetAsync("/")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);
    }

    public void Dispose() => http.Dispose();
}
