namespace Routing.Core;

/// <summary>Where a contact held by an agent is in its life: every phase occupies capacity.</summary>
public enum AssignmentPhase
{
    /// <summary>Reserved for the agent; the offer expires if not accepted.</summary>
    Offered = 1,

    /// <summary>The agent is handling it.</summary>
    Connected = 2,

    /// <summary>Handled; the agent finishes after-contact work before the capacity frees.</summary>
    WrapUp = 3,

    /// <summary>Finished and no longer held: the capacity is free.</summary>
    Completed = 4,
}
