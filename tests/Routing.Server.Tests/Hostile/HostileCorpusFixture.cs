using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Routing.Api.V1;
using Routing.Server.Security;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Hostile;

/// <summary>
/// A server that checks tokens, with a small center the corpus aims at: a queue, an agent at capacity with one
/// offer, a contact waiting behind it, a second agent, a customer and a menu.
/// </summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    /// <summary>Streams one caller may hold open on the corpus server: low, so a flood is cheap to make.</summary>
    public const int MaxStreamsPerCaller = 4;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "routing-tests", Guid.NewGuid().ToString("N"));

    public static RoutingAuthOptions Auth { get; } = new() { SigningKey = AuthServerFixture.SigningKey };

    public ServerProcess Server { get; private set; } = null!;

    public HostileCallers Callers { get; private set; } = null!;

    /// <param name="roles">One role, or several separated by commas.</param>
    public static string Token(string roles, string? agentId) =>
        DevelopmentTokens.Mint(Auth, roles.Split(','), agentId, TimeSpan.FromHours(1), TimeProvider.System);

    public async Task InitializeAsync()
    {
        Server = new ServerProcess(Path.Combine(directory, "routing.db"), seed: false,
        [
            $"--Routing:Auth:SigningKey={Auth.SigningKey}",
            $"--Routing:Server:MaxStreamsPerCaller={MaxStreamsPerCaller}",

            // The corpus agent holds its offer with no desktop: the longest grace keeps it Available through the cases.
            "--Routing:Grains:DesktopGrace=00:10:00",
        ]);
        await Server.StartAsync();
        Callers = new HostileCallers(Server.Address, token => Client.RoutingClient.Connect(Server.Address, token), Token);
        await BuildCenterAsync(Callers);
    }

    public async Task DisposeAsync()
    {
        Callers.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>What the cases must leave as it was: configuration, presence, work held and waiting, customers.</summary>
    public async Task<string> SnapshotAsync()
    {
        var admin = Callers.Operator;
        var text = new StringBuilder();
        foreach (var queue in (await admin.Supervisor.ListQueuesAsync(new ListQueuesRequest())).Queues.OrderBy(q => q.QueueId, StringComparer.Ordinal))
        {
            var stats = await admin.Supervisor.GetQueueStatsAsync(new GetQueueStatsRequest { QueueId = queue.QueueId });
            text.AppendLine(CultureInfo.InvariantCulture, $"{queue.QueueId} waiting={stats.Waiting} offers={stats.OffersMade} answered={stats.Answered} abandoned={stats.Abandoned}");
            text.AppendLine((await admin.Admin.GetQueueAsync(new GetQueueRequest { QueueId = queue.QueueId })).ToString());
        }

        foreach (var agent in (await admin.Admin.ListAgentsAsync(new ListAgentsRequest())).Agents.OrderBy(a => a.AgentId, StringComparer.Ordinal))
        {
            var view = await admin.Agents.GetAgentAsync(new GetAgentRequest { AgentId = agent.AgentId });
            view.IdleSince = null;
            text.AppendLine(agent.ToString()).AppendLine(view.ToString());
        }

        text.AppendLine((await admin.Admin.GetCustomerAsync(new GetCustomerRequest { CustomerId = HostileCallers.CustomerId })).ToString());
        foreach (var contactId in new[] { Callers.OfferedContactId, Callers.WaitingContactId })
        {
            var contact = await admin.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId });
            text.AppendLine(CultureInfo.InvariantCulture, $"{contact.ContactId} {contact.State} {contact.QueueId} {contact.AgentId} {contact.Position}");
        }

        return text.ToString();
    }

    private static async Task BuildCenterAsync(HostileCallers callers)
    {
        var admin = callers.Operator;
        await admin.Admin.UpsertQueueAsync(new QueueConfig
        {
            QueueId = HostileCallers.QueueId,
            Name = "Hostile corpus",
            Channels = { Channel.Voice, Channel.Chat, Channel.Email },
            // Long enough that the offer the cases aim at never times out under them.
            OfferTimeout = Duration.FromTimeSpan(TimeSpan.FromHours(2)),
        });
        foreach (var agentId in new[] { HostileCallers.AgentId, HostileCallers.OtherAgentId })
        {
            await admin.Admin.UpsertAgentAsync(new AgentConfig
            {
                AgentId = agentId,
                Name = agentId,
                Skills = { ["billing"] = 5 },
                Capacity = { new ChannelCapacity { Channel = Channel.Voice, MaxConcurrent = 1, Exclusive = true } },
                Queues = { new QueueMembership { QueueId = HostileCallers.QueueId, Priority = 1 } },
            });
        }

        await admin.Admin.UpsertCustomerAsync(new CustomerConfig { CustomerId = HostileCallers.CustomerId, Name = "Corpus Customer", Tier = CustomerTier.Standard });
        await admin.Admin.UpsertIvrMenuAsync(new IvrMenuConfig
        {
            MenuId = HostileCallers.MenuId,
            Prompt = "Press 1 for the corpus queue",
            Options = { new IvrOption { Digit = "1", Label = "Corpus", Route = new IvrRoute { QueueId = HostileCallers.QueueId } } },
            Timeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)),
            DefaultDigit = "1",
        });

        // A caller in the menu, so that a step's request id can be reused.
        await admin.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "corpus-step", SessionId = "corpus-session", MenuId = HostileCallers.MenuId });
        await admin.Agents.SetStatusAsync(new SetStatusRequest { RequestId = "corpus-login", AgentId = HostileCallers.AgentId, Status = AgentStatus.Available });
        // By the adapter the cases route as: request ids are each caller's own.
        var offered = await callers.Adapter.Routing.RouteContactAsync(Route("corpus-offered"));
        var waiting = await callers.Adapter.Routing.RouteContactAsync(Route("corpus-waiting"));
        if (offered.AgentId != HostileCallers.AgentId || waiting.Outcome != RouteOutcome.Queued)
        {
            throw new InvalidOperationException($"the corpus center did not settle: {offered}, {waiting}");
        }

        callers.OfferedContactId = offered.ContactId;
        callers.WaitingContactId = waiting.ContactId;
    }

    private static RouteContactRequest Route(string requestId) => new()
    {
        RequestId = requestId,
        Channel = Channel.Voice,
        CustomerId = HostileCallers.CustomerId,
        QueueId = HostileCallers.QueueId,
    };
}
