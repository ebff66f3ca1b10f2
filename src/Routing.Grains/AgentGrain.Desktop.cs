namespace Routing.Grains;

/// <summary>
/// The agent's desktop, as its offer streams show it: the streams watch the agent, and when the last one closes
/// without another opening within <see cref="RoutingGrainOptions.DesktopGrace"/>, an Available agent is put Not
/// Ready, so no offer rings on a desktop that is gone.
/// </summary>
public sealed partial class AgentGrain
{
    /// <summary>Why an agent whose desktop went away is not ready.</summary>
    public const string DesktopDisconnected = "desktop disconnected";

    private IGrainTimer? desktopGrace;

    public Task<AgentView?> Watch(IAgentChangeObserver watcher)
    {
        changes.Watch(watcher);
        desktopGrace?.Dispose();
        desktopGrace = null;
        return Task.FromResult(Definition is null ? null : View());
    }

    public Task Unwatch(IAgentChangeObserver watcher)
    {
        changes.Unwatch(watcher);
        if (!changes.Any && desktopGrace is null)
        {
            desktopGrace = this.RegisterGrainTimer(OnDesktopGoneAsync, new GrainTimerCreationOptions(options.Value.DesktopGrace, Timeout.InfiniteTimeSpan));
        }

        return Task.CompletedTask;
    }

    private async Task OnDesktopGoneAsync(CancellationToken cancellationToken)
    {
        desktopGrace?.Dispose();
        desktopGrace = null;
        if (changes.Any || Definition is null || state.State.Presence != AgentPresence.Available)
        {
            return;
        }

        LogDesktopGone(logger, AgentId, options.Value.DesktopGrace);
        await CarryingAsync(null, () => SetPresenceAsync(AgentPresence.NotReady, DesktopDisconnected));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} had no offer stream open for {Grace}: put Not Ready")]
    private static partial void LogDesktopGone(ILogger logger, string agentId, TimeSpan grace);
}
