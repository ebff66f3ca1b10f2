using System.Runtime.CompilerServices;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Routing.Grains;
using Routing.Server.Hosting;
using Routing.Server.Services;

namespace Routing.Server.Web;

/// <summary>
/// The live supervisor page: its HTML, and the server-sent events it reads, one per update of the same
/// <see cref="QueueStatsFeed"/> WatchQueueStats streams, each with the agents' states alongside.
/// </summary>
public sealed class SupervisorPage(QueueStatsFeed stats, GrainReferences grains, IOptions<RoutingServerOptions> server)
{
    private static readonly JsonFormatter StatsJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    private static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(SupervisorPage).Assembly.GetManifestResourceStream("Routing.Server.Web.supervisor.html")
            ?? throw new InvalidOperationException("the supervisor page is missing from the server's resources");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The page itself: static, no data (that comes over the stream, with the caller's token).</summary>
    public static IResult Page() => Results.Content(Html.Value, "text/html; charset=utf-8");

    /// <summary>Each update as JSON: <c>{"stats": QueueStatsUpdate, "agents": [...]}</c>, until the page goes.</summary>
    public async IAsyncEnumerable<string> UpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await stats.QueuesAsync([]);
        await foreach (var update in stats.WatchAsync(ids, stats.MinInterval(null), cancellationToken))
        {
            var agents = await AgentsAsync();
            yield return $"{{\"stats\":{StatsJson.Format(update)},\"agents\":{JsonSerializer.Serialize(agents, SupervisorPageJson.Default.IReadOnlyListSupervisorAgentRow)}}}";
        }
    }

    private async Task<IReadOnlyList<SupervisorAgentRow>> AgentsAsync()
    {
        var ids = await grains.Get<ICatalogGrain>(ICatalogGrain.Key).List(CatalogKind.Agent);
        var views = await Task.WhenAll(ids.Take(server.Value.SupervisorPageMaxAgents).Select(id => grains.Get<IAgentGrain>(id).Get()));
        return [.. views.OfType<AgentView>().Select(SupervisorAgentRow.Of)];
    }
}
