namespace Routing.Abstractions;

/// <summary>
/// The watching side of <see cref="IChangeObserver"/>: an object reference grains notify, and a wait that ends at
/// the next notice (notices that arrive together wake it once). One feed may watch several grains; an agent's
/// notices carry the agent itself (<see cref="IAgentChangeObserver"/>), kept until taken.
/// </summary>
public sealed class ChangeFeed : IAgentChangeObserver, IDisposable
{
    private readonly IGrainFactory grains;
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly Lock pushedLock = new();
    private AgentView? pushedAgent;
    private volatile bool mustRead;

    public ChangeFeed(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        this.grains = grains;
        Reference = grains.CreateObjectReference<IAgentChangeObserver>(this);
    }

    /// <summary>What to hand the grains' <c>Watch</c> calls.</summary>
    public IAgentChangeObserver Reference { get; }

    /// <inheritdoc/>
    public Task Changed()
    {
        Wake();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AgentChanged(AgentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        lock (pushedLock)
        {
            // One-way notices may arrive out of order: the newest is the one to keep.
            if (pushedAgent is null || view.Version > pushedAgent.Version)
            {
                pushedAgent = view;
            }
        }

        Signal();
        return Task.CompletedTask;
    }

    /// <summary>The newest agent pushed since the last call, or null when none was.</summary>
    public AgentView? TakeAgent()
    {
        lock (pushedLock)
        {
            var view = pushedAgent;
            pushedAgent = null;
            return view;
        }
    }

    /// <summary>
    /// Whether a notice since the last call asked the watcher to read its grains again (a plain change, the grain
    /// deactivating, a silo lost), rather than only pushing the agent.
    /// </summary>
    public bool TakeReadRequest()
    {
        var requested = mustRead;
        mustRead = false;
        return requested;
    }

    /// <summary>Ends the current or next wait, as a notice would (after a silo loss the watcher must watch again).</summary>
    public void Wake()
    {
        mustRead = true;
        Signal();
    }

    private void Signal()
    {
        try
        {
            changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake is already pending: one is all the watcher needs.
        }
    }

    /// <summary>Waits for the next notice, at most <paramref name="timeout"/>.</summary>
    /// <returns>Whether a notice came (false: the time ran out).</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => changed.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        grains.DeleteObjectReference<IAgentChangeObserver>(Reference);
        changed.Dispose();
    }
}
