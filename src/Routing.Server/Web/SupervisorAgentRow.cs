namespace Routing.Server.Web;

/// <summary>One agent's line on the supervisor page: who, what it is doing, why not ready, how many contacts it holds.</summary>
public sealed record SupervisorAgentRow(string AgentId, string Name, string Activity, string NotReadyReason, int Contacts, IReadOnlyList<string> Queues)
{
    public static SupervisorAgentRow Of(AgentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new SupervisorAgentRow(
            view.AgentId,
            view.Definition.Name,
            view.Activity.ToString(),
            view.NotReadyReason,
            view.Assignments.Count,
            [.. view.Definition.Queues.Select(q => q.QueueId)]);
    }
}
