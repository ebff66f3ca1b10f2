using Routing.Api.V1;
using Routing.Client;

namespace Routing.Server.Tests.Api;

/// <summary>
/// An Available agent whose offer stream closed and did not come back within the grace is put Not Ready and offered
/// nothing; one that reconnects within it keeps its place (the grain tests cover an agent that never opened one and a
/// stream that lapsed).
/// </summary>
public sealed class DesktopDisconnectTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_desktop_gone_past_the_grace_puts_its_agent_not_ready_and_one_back_in_time_keeps_it_available()
    {
        await using var server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false, ["--Routing:Grains:DesktopGrace=00:00:03", "--Routing:Grains:DesktopLease=00:00:03"]);
        await server.StartAsync();
        var client = server.Client;
        var center = new Center(client);
        var queue = await center.QueueAsync("desktops", Channel.Chat);
        var staying = await center.AgentAsync("staying", [queue], [(Channel.Chat, 1, false)]);
        var leaving = await center.AgentAsync("leaving", [queue], [(Channel.Chat, 1, false)]);

        // The staying desktop drops its stream and opens a new one at once; the leaving one drops it for good, later.
        await OpenAndCloseAsync(client, staying);
        using var back = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = staying });
        await back.ResponseHeadersAsync;
        await OpenAndCloseAsync(client, leaving);

        // The leaving agent's grace ends after the staying one's would have: by then a reconnect kept its place.
        var gone = await Eventually.Get(
            () => client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = leaving }).ResponseAsync,
            agent => agent.Status == AgentStatus.NotReady,
            "the agent whose desktop left put not ready");
        Assert.Equal("desktop disconnected", gone.NotReadyReason);
        Assert.Equal(AgentStatus.Available, (await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = staying })).Status);

        // Work goes to the desktop that is there.
        var routed = await center.RouteAsync(queue, Channel.Chat);
        Assert.Equal((RouteOutcome.Offered, staying), (routed.Outcome, routed.AgentId));
    }

    private static async Task OpenAndCloseAsync(RoutingClient client, string agentId)
    {
        using var stream = client.Agents.WatchOffers(new WatchOffersRequest { AgentId = agentId });
        // Its headers come once the agent knows of the stream.
        await stream.ResponseHeadersAsync;
    }
}
