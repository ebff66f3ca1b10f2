namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// One database's statements for the entry rows of a grain's state (see <c>IGrainEntryStorage</c>), with the same
/// version rules as <see cref="GrainStateStatements"/>; the entry row is gone once deleted, as there is nothing of an
/// entry left to protect.
/// </summary>
/// <param name="ReadAll">Returns every entry of the grain's state: key, payload and version.</param>
/// <param name="Insert">Inserts at version 1 only if the entry does not exist; returns the version.</param>
/// <param name="Update">Changes the entry only while it is at the expected version; returns the new version.</param>
/// <param name="Delete">Removes the entry if it is at the expected version; returns a row when it did.</param>
public sealed record GrainEntryStatements(string ReadAll, string Insert, string Update, string Delete);
