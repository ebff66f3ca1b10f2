namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// One database's statement for each kind of operation, and what a returned row means. Every statement returns at
/// most one row: none means the row was not there (read) or not at the expected version (write, clear, delete).
/// </summary>
/// <param name="Read">Returns the payload (NULL when cleared) and the version.</param>
/// <param name="Insert">A first write: inserts at version 1 only if no row exists (another activation wrote first:
/// no row returned). Returns the version.</param>
/// <param name="Update">A later write: changes the row only while it is still at the version the writer read; a
/// vanished row is a conflict too, never silently re-created. Returns the new version.</param>
/// <param name="Clear">Empties the payload and bumps the version, so a writer holding the pre-clear ETag still
/// conflicts. Returns the new version.</param>
/// <param name="Delete">Removes the row if it is at the expected version; returns a row when it did.</param>
/// <param name="Entries">The same for the entry rows of a grain's state.</param>
public sealed record GrainStateStatements(string Read, string Insert, string Update, string Clear, string Delete, GrainEntryStatements Entries)
{
    /// <summary>The statement that runs <paramref name="operation"/>.</summary>
    public string For(GrainStateOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Kind switch
        {
            GrainStateOperationKind.Read => Read,
            GrainStateOperationKind.Write when operation.ExpectedVersion is null => Insert,
            GrainStateOperationKind.Write => Update,
            GrainStateOperationKind.Clear => Clear,
            GrainStateOperationKind.Delete => Delete,
            GrainStateOperationKind.ReadEntries => Entries.ReadAll,
            GrainStateOperationKind.WriteEntry when operation.ExpectedVersion is null => Entries.Insert,
            GrainStateOperationKind.WriteEntry => Entries.Update,
            GrainStateOperationKind.DeleteEntry => Entries.Delete,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "unknown operation"),
        };
    }

    /// <summary>What the row a statement returned means for an operation of <paramref name="kind"/>.</summary>
    /// <param name="kind">The operation's kind.</param>
    /// <param name="version">The row's version column (read) or the returned version.</param>
    /// <param name="json">Read: the payload column.</param>
    public static GrainStateResult Returned(GrainStateOperationKind kind, int version, string? json) => kind switch
    {
        GrainStateOperationKind.Read => new(true, version, json),
        // A deleted row has no version left: the next write starts again at 1.
        GrainStateOperationKind.Delete or GrainStateOperationKind.DeleteEntry => new(true, null, null),
        _ => new(true, version, null),
    };
}
