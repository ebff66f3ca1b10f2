namespace Routing.Grains;

/// <summary>
/// The one way grains persist: a write either lands, or the activation is dropped. A grain changes its state in
/// memory before it writes, so after a failed write its memory is ahead of its storage; deactivating (as Orleans
/// itself does when an <c>InconsistentStateException</c> escapes a call) makes the next call read what is stored,
/// and the caller's retry repeats the whole operation.
/// </summary>
internal static class DurableStateExtensions
{
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            throw Dropped(grain, "write", ex);
        }
    }

    public static async Task ClearOrDeactivateAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch (Exception ex)
        {
            throw Dropped(grain, "delete", ex);
        }
    }

    internal static StoreUnavailableException Dropped(Grain grain, string operation, Exception ex)
    {
        DroppedActivation.Drop(grain);

        // The store's own exception stays here (Orleans' storage bridge has logged it): its type need not cross silos.
        return ex as StoreUnavailableException
            ?? new StoreUnavailableException($"the store did not confirm the {operation} of {grain.GrainContext.GrainId}: {ex.GetBaseException().Message}");
    }
}
