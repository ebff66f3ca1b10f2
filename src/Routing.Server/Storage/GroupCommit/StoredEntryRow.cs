namespace Routing.Server.Storage.GroupCommit;

/// <summary>One entry row as the store returned it.</summary>
public sealed record StoredEntryRow(string EntryKey, string Json, int Version);
