namespace Routing.Grains;

/// <summary>The relaxation timer: waking when a waiting contact opens to more agents, to tell the free ones.</summary>
public sealed partial class QueueGrain
{
    private IGrainTimer? relaxationTimer;

    private DateTimeOffset? relaxationDue;

    /// <summary>
    /// Wakes at the next relaxation step or lapsing preferred-agent reservation of any waiting contact, when new
    /// agents may become eligible.
    /// </summary>
    /// <param name="asOf">The time the caller judged the line at: a timer firing a hair early must re-arm for what it
    /// found not yet due, rather than read a later clock that says it is past and arm nothing.</param>
    private void ArmRelaxationTimer(DateTimeOffset? asOf = null)
    {
        var now = asOf ?? clock.GetUtcNow();
        ArmRelaxationTimerAt(Definition is null ? null : line.Waiting.Select(c => WaitingList.NextWidening(c, Definition.Relaxation, now)).Where(t => t is not null).DefaultIfEmpty().Min(), now);
    }

    /// <summary>A contact joined: only its own next step can bring the timer forward, so the line is not scanned.</summary>
    private void ArmRelaxationTimerFor(WaitingContact contact, DateTimeOffset now)
    {
        if (WaitingList.NextWidening(contact, Definition!.Relaxation, now) is { } next && (relaxationDue is null || next < relaxationDue))
        {
            ArmRelaxationTimerAt(next, now);
        }
    }

    private void ArmRelaxationTimerAt(DateTimeOffset? next, DateTimeOffset now)
    {
        relaxationTimer?.Dispose();
        relaxationTimer = null;
        relaxationDue = next;
        if (next is null)
        {
            return;
        }

        var due = next.Value - now;
        relaxationTimer = this.RegisterGrainTimer(OnRelaxationStepAsync, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    private Task OnRelaxationStepAsync(CancellationToken cancellationToken)
    {
        // Timers pass no call filter: an activation being dropped nudges nobody from its memory.
        if (DroppedActivation.IsDropped(GrainContext))
        {
            return Task.CompletedTask;
        }

        var now = clock.GetUtcNow();
        foreach (var contact in line.Waiting.ToList())
        {
            NudgeFreeAgents(contact, now, exceptAgentId: null);
        }

        version++;
        changes.Notify();
        ArmRelaxationTimer(now);
        return Task.CompletedTask;
    }
}
