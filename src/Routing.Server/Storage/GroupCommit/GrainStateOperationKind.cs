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

    /// <summary>Read every entry row of the grain's state (an activation loading its entries).</summary>
    ReadEntries,

    /// <summary>Insert the entry row at version 1, or update it if it is still at the expected version.</summary>
    WriteEntry,

    /// <summary>Remove the entry row, if it is still at the expected version.</summary>
    DeleteEntry,
}
