namespace Routing.Grains;

/// <summary>
/// Marks an activation that is being dropped because a write failed or a call failed halfway: its memory may be
/// ahead of its storage, so from that moment until Orleans has deactivated it, it must answer nothing from that
/// memory (a retry arriving in between would otherwise see the change as done).
/// </summary>
internal sealed class DroppedActivation
{
    private DroppedActivation()
    {
    }

    /// <summary>Marks <paramref name="grain"/> dropped and asks Orleans to deactivate it.</summary>
    public static void Drop(Grain grain)
    {
        grain.GrainContext.SetComponent(new DroppedActivation());
        grain.DeactivateOnIdle();
    }

    /// <summary>Whether the activation behind <paramref name="activation"/> is being dropped.</summary>
    public static bool IsDropped(IGrainContext activation) => activation.GetComponent<DroppedActivation>() is not null;

    /// <summary>What a caller of a dropped activation is told: retry, and the next activation answers from storage.</summary>
    public static StoreUnavailableException Refusal(IGrainContext activation) =>
        new($"{activation.GrainId} is being reloaded from storage after a failed write; retry");
}
