namespace Routing.Grains;

/// <summary>
/// The agent's desktop, as its offer streams show it: the streams watch the agent and renew their watch within
/// <see cref="RoutingGrainOptions.DesktopLease"/>. An Available agent with no stream open (the last one closed or
/// lapsed, or it was set Available with none) for <see cref="RoutingGrainOptions.DesktopGrace"/> is put Not Ready,
/// so no offer rings on a desktop that is gone.
/// </summary>
public sealed partial class AgentGrain
{
    /// <summary>Why an agent whose desktop went away is not ready.</summary>
    public const string DesktopDisconnected = "desktop disconnected";

    private IGrainTimer? desktopGrace;

    // Looks for streams that stopped renewing (their server died, so nothing unwatched them) while any are open.
    private IGrainTimer? lapseCheck;

    public Task<AgentView?> Watch(IAgentChangeObserver watcher)
    {
        changes.Watch(watcher);
        desktopGrace?.Dispose();
        desktopGrace = null;
        lapseCheck ??= this.RegisterGrainTimer(CheckLapsedStreams, new GrainTimerCreationOptions(options.Value.DesktopLease, options.Value.DesktopLease / 3));
        return Task.FromResult(Definition is null ? null : View());
    }

    public Task Unwatch(IAgentChangeObserver watcher)
    {
        changes.Unwatch(watcher);
        AwaitDesktop();
        return Task.CompletedTask;
    }

    private Task CheckLapsedStreams()
    {
        if (!changes.DropLapsed())
        {
            AwaitDesktop();
        }

        return Task.CompletedTask;
    }

    /// <summary>With no stream open, gives the desktop its grace to open one; nothing while one is open.</summary>
    private void AwaitDesktop()
    {
        if (changes.Any)
        {
            return;
        }

        lapseCheck?.Dispose();
        lapseCheck = null;
        if (desktopGrace is null && state.State.Presence == AgentPresence.Available)
        {
            desktopGrace = this.RegisterGrainTimer(OnDesktopGoneAsync, new GrainTimerCreationOptions(options.Value.DesktopGrace, Timeout.InfiniteTimeSpan));
        }
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
