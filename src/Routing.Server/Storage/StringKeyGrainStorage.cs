using Orleans.Storage;

namespace Routing.Server.Storage;

/// <summary>
/// Sits in front of Orleans' ADO.NET grain storage and hands it every grain key behind the prefix
/// <c>s:</c>, so that the provider stores each key whole as a string key.
/// </summary>
/// <remarks>
/// <para>
/// <c>AdoNetGrainStorage</c> does not ask whether a grain is string-keyed: it first tries
/// <c>GrainId.TryGetGuidKey</c>, then <c>TryGetIntegerKey</c>, on every key. Those parse 32 hex
/// digits as a GUID and any run of hex digits (before an optional <c>+extension</c>) as an integer,
/// ignoring case and leading zeros, so distinct string keys such as <c>"ff"</c> and <c>"00FF"</c>,
/// <c>"1001"</c> and <c>"01001"</c>, or <c>"cafe"</c> and <c>"CAFE"</c> would read and write one
/// row. Agent, queue and customer ids are exactly such strings.
/// </para>
/// <para>
/// Both parsers must consume the key from its first byte as hex digits (<c>Utf8Parser</c> with the
/// <c>'X'</c> or <c>'N'</c> format, length checked against the whole key), and <c>'s'</c> is not a
/// hex digit, so neither can succeed on a prefixed key, whatever follows. The prefix has no
/// <c>'+'</c>, so the extension split cannot cut it off either. One fixed prefix keeps the mapping
/// one-to-one: different keys stay different rows. Integer- and GUID-keyed grains are prefixed too
/// and are stored under their key text; nothing here has such keys, and treating every key alike
/// means no grain can be misread.
/// </para>
/// <para>
/// The stored key column therefore reads <c>s:agent-7</c>. Rows written without this decorator are
/// not found through it.
/// </para>
/// <para>
/// It also says what a failure of the store is: any error of the database or its connection becomes a
/// <see cref="StoreUnavailableException"/> (retryable: callers are told UNAVAILABLE), whether a grain was
/// writing or activating. Orleans' own exceptions, such as an ETag conflict's
/// <see cref="InconsistentStateException"/>, pass on as they are.
/// </para>
/// </remarks>
/// <param name="inner">The ADO.NET provider that does the storing.</param>
public sealed class StringKeyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private static ReadOnlySpan<byte> Prefix => "s:"u8;

    /// <summary>The grain id the inner provider is given for <paramref name="grainId"/>.</summary>
    /// <param name="grainId">The grain's own id.</param>
    public static GrainId ToStorageId(GrainId grainId)
    {
        var key = grainId.Key.AsSpan();
        var prefixed = new byte[Prefix.Length + key.Length];
        Prefix.CopyTo(prefixed);
        key.CopyTo(prefixed.AsSpan(Prefix.Length));
        return GrainId.Create(grainId.Type, new IdSpan(prefixed));
    }

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translated(inner.ReadStateAsync(stateName, ToStorageId(grainId), grainState), "read", stateName, grainId);

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Translated(inner.ReadStateAsync(stateName, ToStorageId(grainId), grainState, cancellationToken), "read", stateName, grainId);

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translated(inner.WriteStateAsync(stateName, ToStorageId(grainId), grainState), "write", stateName, grainId);

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Translated(inner.WriteStateAsync(stateName, ToStorageId(grainId), grainState, cancellationToken), "write", stateName, grainId);

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translated(inner.ClearStateAsync(stateName, ToStorageId(grainId), grainState), "delete", stateName, grainId);

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        Translated(inner.ClearStateAsync(stateName, ToStorageId(grainId), grainState, cancellationToken), "delete", stateName, grainId);

    private static async Task Translated(Task operation, string what, string stateName, GrainId grainId)
    {
        try
        {
            await operation;
        }
        catch (Exception ex) when (ex is not OrleansException and not OperationCanceledException)
        {
            // The store's own exception type stays here: it need not be known where the caller runs.
            throw new StoreUnavailableException($"the store failed the {what} of {stateName} {grainId}: {ex.GetType().Name}: {ex.GetBaseException().Message}");
        }
    }
}
