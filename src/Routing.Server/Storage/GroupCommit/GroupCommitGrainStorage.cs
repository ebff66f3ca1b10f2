using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Routing.Grains;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// The routing grains' storage: Orleans' <see cref="IGrainStorage"/> contract (ETag version checks, cleared rows
/// keeping their version) over a <see cref="GroupCommitter"/>, so that the writes of all grains of the silo share
/// the store's round trips. Payloads are System.Text.Json, stored as JSON an operator can read. It also keeps the
/// grains' keyed entries (<see cref="IGrainEntryStorage"/>), one row each, in the same batches.
/// </summary>
/// <remarks>
/// Rows keep the layout of Orleans' ADO.NET provider that wrote them before (see the schema scripts): the state
/// name in the grain type column and every key whole as a string behind the prefix <c>s:</c>, so a database
/// written by an earlier version reads back unchanged.
/// </remarks>
public sealed class GroupCommitGrainStorage(
    GroupCommitter committer,
    IGrainStorageSerializer serializer,
    StoredRowReader rows,
    IActivatorProvider activators,
    bool deleteStateOnClear) : IGrainStorage, IGrainEntryStorage
{
    // A row no grain has: the probe's read finds nothing, and costs one operation in the batch it joins.
    private const string ProbeStateName = "routing-health-probe";

    /// <summary>The key column's value for <paramref name="grainId"/>.</summary>
    public static string StoredKey(GrainId grainId) => "s:" + grainId.Key.ToString();

    /// <summary>
    /// Reads a row no grain has through the same queue, batch and connection as the grains' own operations: it
    /// completes only when the store committed a batch, so it says whether the grains' writes can be made now.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store failed the probe's batch.</exception>
    public Task ProbeAsync() =>
        committer.RunAsync(new GrainStateOperation { Kind = GrainStateOperationKind.Read, StateName = ProbeStateName, Key = "s:probe" });

    /// <inheritdoc/>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var result = await committer.RunAsync(Operation(GrainStateOperationKind.Read, stateName, grainId));
        grainState.State = result.Json is { } json
            ? rows.Read<T>(json, $"state {stateName} of {grainId}", checkMembers: true)
            : NewState<T>();
        grainState.ETag = ETag(result.Version);
        grainState.RecordExists = result.Json is not null;
    }

    /// <inheritdoc/>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized here, on the grain's turn: the batch carries text, never a state the grain may change again.
        var json = serializer.Serialize(grainState.State).ToString();
        var result = await committer.RunAsync(Operation(GrainStateOperationKind.Write, stateName, grainId, grainState.ETag, json));
        if (!result.Matched)
        {
            throw Conflict("write", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = ETag(result.Version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc/>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // As Orleans' providers do: a state never read nor written learns its version first, and a row that does
        // not exist has nothing to clear.
        if (!grainState.RecordExists && grainState.ETag is null)
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var kind = deleteStateOnClear ? GrainStateOperationKind.Delete : GrainStateOperationKind.Clear;
        var result = await committer.RunAsync(Operation(kind, stateName, grainId, grainState.ETag));
        if (!result.Matched)
        {
            throw Conflict("clear", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = ETag(result.Version);
        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<GrainEntry<T>>> ReadEntriesAsync<T>(string stateName, GrainId grainId)
    {
        var result = await committer.RunAsync(Operation(GrainStateOperationKind.ReadEntries, stateName, grainId));
        return [.. result.Entries!.Select(row => new GrainEntry<T>(
            row.EntryKey,
            rows.Read<T>(row.Json, $"entry {row.EntryKey} of {stateName} {grainId}"),
            ETag(row.Version)!))];
    }

    /// <inheritdoc/>
    public async Task<string> WriteEntryAsync<T>(string stateName, GrainId grainId, string entryKey, T value, string? etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        var json = serializer.Serialize(value).ToString();
        var result = await committer.RunAsync(Operation(GrainStateOperationKind.WriteEntry, stateName, grainId, etag, json, entryKey));
        return result.Matched ? ETag(result.Version)! : throw Conflict("write", $"{stateName} entry {entryKey}", grainId, etag);
    }

    /// <inheritdoc/>
    public async Task DeleteEntryAsync(string stateName, GrainId grainId, string entryKey, string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryKey);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var result = await committer.RunAsync(Operation(GrainStateOperationKind.DeleteEntry, stateName, grainId, etag, entryKey: entryKey));
        if (!result.Matched)
        {
            throw Conflict("delete", $"{stateName} entry {entryKey}", grainId, etag);
        }
    }

    private static GrainStateOperation Operation(GrainStateOperationKind kind, string stateName, GrainId grainId, string? etag = null, string? json = null, string? entryKey = null) =>
        new()
        {
            Kind = kind,
            StateName = stateName,
            Key = StoredKey(grainId),
            EntryKey = entryKey,
            Json = json,
            ExpectedVersion = string.IsNullOrEmpty(etag) ? null : int.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture),
        };

    private static string? ETag(int? version) => version?.ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): state {stateName} of {grainId} is no longer at ETag {etag ?? "(none)"}: another activation wrote it.", storedEtag: null, currentEtag: etag);

    private T NewState<T>() => activators.GetActivator<T>().Create();
}
