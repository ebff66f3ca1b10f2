namespace Routing.Grains;

/// <summary>
/// A routing grain whose call fails halfway drops its activation. Grains change memory, write, then tell other grains;
/// a failure at any step (the store refused a write, a silo holding the next grain died, a call timed out) can leave
/// the activation's memory ahead of its storage or of what the other grains were told. The next activation reads what
/// is stored and re-tells the others (each grain's activation reconciles), and the caller's retry, told
/// UNAVAILABLE, repeats the whole protocol. Orleans does the same, built in, for an escaping InconsistentStateException;
/// this widens it to every failure of our own grains.
/// </summary>
internal sealed class DropActivationOnFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetContext.GrainInstance is not Grain grain || grain.GetType().Assembly != typeof(DropActivationOnFailureFilter).Assembly)
        {
            await context.Invoke();
            return;
        }

        // Between a failure and Orleans deactivating the activation, calls still reach it: they must not be
        // answered from a memory that may be ahead of storage.
        if (DroppedActivation.IsDropped(context.TargetContext))
        {
            throw DroppedActivation.Refusal(context.TargetContext);
        }

        try
        {
            await context.Invoke();
        }
        catch
        {
            DroppedActivation.Drop(grain);
            throw;
        }
    }
}
