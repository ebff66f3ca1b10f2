namespace Routing.Server.Storage.GroupCommit;

/// <summary>What one queued grain storage operation does to its row.</summary>
public enum GrainStateOperationKind
{
    /// <summary>Read the row (an activation loading its state).</summary>
    Read,

    /// <summary>Insert the row at version 1, or update it if it is still at the expected version.</summary>
    Write,

    /// <summary>Empty the row's payload and bump its version, if it is still at the expected version.</summary>
    Clear,

    /// <summary>Remove the row, if it is still at the expected version.</summary>
    Delete,
}
