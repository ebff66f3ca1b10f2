namespace Routing.Abstractions;

/// <summary>
/// The watching side of <see cref="IChangeObserver"/>: an object reference grains notify, and a wait that ends at
/// the next notice (notices that arrive together wake it once). One feed may watch several grains.
/// </summary>
public sealed class ChangeFeed : IChangeObserver, IDisposable
{
    private readonly IGrainFactory grains;
    private readonly SemaphoreSlim changed = new(0, 1);

    public ChangeFeed(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        this.grains = grains;
        Reference = grains.CreateObjectReference<IChangeObserver>(this);
    }

    /// <summary>What to hand the grains' <c>Watch</c> calls.</summary>
    public IChangeObserver Reference { get; }

    /// <inheritdoc/>
    public Task Changed()
    {
        Wake();
        return Task.CompletedTask;
    }

    /// <summary>Ends the current or next wait, as a notice would (after a silo loss the watcher must watch again).</summary>
    public void Wake()
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
        grains.DeleteObjectReference<IChangeObserver>(Reference);
        changed.Dispose();
    }
}
