using Routing.Api.V1;
using Routing.Client;

namespace Routing.Cli;

/// <summary>agents, agent, login, ready, break, logout: who the agents are and their status.</summary>
internal static class AgentCommands
{
    public static async Task List(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(0, 0);
        var response = await client.Admin.ListAgentsAsync(new ListAgentsRequest(), cancellationToken: cancellationToken);
        foreach (var agent in response.Agents)
        {
            var queues = string.Join(' ', agent.Queues.Select(q => $"{q.QueueId}({q.Priority})"));
            var capacity = string.Join(' ', agent.Capacity.Select(c => $"{Format.Channel(c.Channel)}:{c.MaxConcurrent}{(c.Exclusive ? "!" : "")}"));
            Console.WriteLine($"{agent.AgentId,-7} {agent.Name,-16} {queues,-40} {capacity,-23} {Format.Skills(agent.Skills)}");
        }
    }

    public static async Task Show(RoutingClient client, Arguments args, CancellationToken cancellationToken)
    {
        args.Expect(1, 1);
        var agent = await client.Agents.GetAgentAsync(new GetAgentRequest { AgentId = args.Required(0) }, cancellationToken: cancellationToken);
        Format.Agent(agent);
        Console.WriteLine($"  skills: {Format.Skills(agent.Skills)}");
    }

    public static Task Login(RoutingClient client, Arguments args, CancellationToken cancellationToken) =>
        SetStatus(client, args, AgentStatus.Available, cancellationToken);

    public static Task Logout(RoutingClient client, Arguments args, CancellationToken cancellationToken) =>
        SetStatus(client, args, AgentStatus.LoggedOut, cancellationToken);

    public static Task Break(RoutingClient client, Arguments args, CancellationToken cancellationToken) =>
        SetStatus(client, args, AgentStatus.NotReady, cancellationToken);

    private static async Task SetStatus(RoutingClient client, Arguments args, AgentStatus status, CancellationToken cancellationToken)
    {
        var needsReason = status == AgentStatus.NotReady;
        args.Expect(needsReason ? 2 : 1, needsReason ? 2 : 1);
        var request = new SetStatusRequest
        {
            RequestId = RoutingClient.NewRequestId(),
            AgentId = args.Required(0),
            Status = status,
            Reason = args.Word(1) ?? "",
        };
        Format.Agent(await client.Agents.SetStatusAsync(request, cancellationToken: cancellationToken));
    }
}
