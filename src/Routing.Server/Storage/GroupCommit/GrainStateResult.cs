namespace Routing.Server.Storage.GroupCommit;

/// <summary>What the store answered one operation.</summary>
/// <param name="Matched">Read: a row exists. Write, clear, delete: the row was at the expected version (or, for a
/// first write, did not exist yet) and was changed.</param>
/// <param name="Version">The row's version after the operation; <see langword="null"/> when there is no row.</param>
/// <param name="Json">Read: the stored payload, <see langword="null"/> when the row was cleared.</param>
/// <param name="Entries">Read entries: every entry row of the grain's state.</param>
public readonly record struct GrainStateResult(bool Matched, int? Version, string? Json, IReadOnlyList<StoredEntryRow>? Entries = null)
{
    /// <summary>The row was not there (read) or not at the expected version (write, clear, delete).</summary>
    public static GrainStateResult NotMatched { get; } = new(false, null, null);
}
