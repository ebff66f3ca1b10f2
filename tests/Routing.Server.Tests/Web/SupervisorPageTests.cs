using PuppeteerSharp;
using Routing.Api.V1;
using Grpc.Core;
using Routing.Client;
using Routing.Server.Tests.Api;
using Routing.Server.Tests.Tools;

namespace Routing.Server.Tests.Web;

/// <summary>
/// The live supervisor page in a real headless Chromium: it lists every queue and agent, and a contact routed while
/// it is open shows within 2 s (the stream pushes within StatsMinInterval, 1 s, of a change).
/// </summary>
public sealed class SupervisorPageTests
{
    private static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(2);

    // The screenshot README shows is written back to docs/ only when asked, so running the tests leaves the tree clean.
    private const string ScreenshotToDocsVariable = "ROUTING_SCREENSHOT_TO_DOCS";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_contact_routed_while_the_page_is_open_appears_within_two_seconds()
    {
        // A demo center of its own: the test puts the demo's agents to work, which the shared server's tests must not see.
        await using var server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: true);
        await server.StartAsync();
        var client = server.Client;
        using var desktops = new CancellationTokenSource();
        var offers = new Dictionary<string, AsyncServerStreamingCall<OfferEvent>>();
        foreach (var agent in (string[])["alice", "bob", "emma", "grace"])
        {
            await client.Agents.SetStatusAsync(new SetStatusRequest { RequestId = RoutingClient.NewRequestId(), AgentId = agent, Status = AgentStatus.Available });
            offers[agent] = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agent }, cancellationToken: desktops.Token);
        }

        await client.Agents.SetStatusAsync(new SetStatusRequest { RequestId = RoutingClient.NewRequestId(), AgentId = "diego", Status = AgentStatus.NotReady, Reason = "lunch" });

        // Two calls answered on sales-en, then callers waiting there for the next free agent.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var call = await Route(client, "sales-en", Channel.Voice);
            Assert.Equal(RouteOutcome.Offered, call.Outcome);
            await client.Agents.AcceptOfferAsync(new AcceptOfferRequest { RequestId = RoutingClient.NewRequestId(), AgentId = call.AgentId, ContactId = call.ContactId });
        }

        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Equal(RouteOutcome.Queued, (await Route(client, "sales-en", Channel.Voice)).Outcome);
        }

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = RepositoryTool.Chromium.ExecutablePath,
            // Root in CI: Chromium's sandbox needs user namespaces a container may not give.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1500, Height = 900 });
        await page.GoToAsync(server.HttpAddress + "/");

        const string Waiting = "tr[data-queue=\"sales-en\"] td[data-field=\"waiting\"]";
        await page.WaitForFunctionAsync($"() => document.querySelector('{Waiting}')?.textContent === '2'", new WaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal("live", await page.EvaluateExpressionAsync<string>("document.getElementById('connection').textContent"));
        foreach (var queue in (string[])["sales-es", "support-en", "support-es", "billing-en", "billing-es"])
        {
            Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('tr[data-queue=\"{queue}\"]') !== null"), queue);
        }

        Assert.Equal("Not ready", await page.EvaluateExpressionAsync<string>("document.querySelector('tr[data-agent=\"diego\"] .pill').textContent"));
        Assert.Equal("lunch", await page.EvaluateExpressionAsync<string>("document.querySelector('tr[data-agent=\"diego\"] td:nth-child(3)').textContent"));

        // The wait's timeout is the 2 s the page is held to, counted from the route's answer.
        Assert.Equal(RouteOutcome.Queued, (await Route(client, "sales-en", Channel.Voice)).Outcome);
        await page.WaitForFunctionAsync(
            $"() => document.querySelector('{Waiting}')?.textContent === '3'",
            new WaitForFunctionOptions { Timeout = (int)SeenWithin.TotalMilliseconds, PollingInterval = 25 });

        var screenshot = Path.Combine(AppContext.BaseDirectory, "supervisor.png");
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0);
        if (Environment.GetEnvironmentVariable(ScreenshotToDocsVariable) == "1")
        {
            File.Copy(screenshot, Path.Combine(Repository.Root(), "docs", "supervisor.png"), overwrite: true);
        }

        await desktops.CancelAsync();
        foreach (var stream in offers.Values)
        {
            stream.Dispose();
        }
    }

    private static async Task<RouteContactResponse> Route(RoutingClient client, string queue, Channel channel) =>
        await client.Routing.RouteContactAsync(new RouteContactRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            Channel = channel,
            CustomerId = "page-" + RoutingClient.NewRequestId()[..8],
            QueueId = queue,
        });
}
