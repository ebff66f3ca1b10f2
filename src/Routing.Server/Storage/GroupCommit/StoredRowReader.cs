using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orleans.Storage;

namespace Routing.Server.Storage.GroupCommit;

/// <summary>
/// Reads a stored row as the state it should hold, or throws <see cref="StoredStateUnreadableException"/>: a row that
/// is not JSON, not an object, or an object naming none of the state's members or one it does not have. Our own
/// check because System.Text.Json reads <c>{}</c> or another type's object as a default state without a word.
/// </summary>
/// <param name="json">The options the serializer reads rows with, for the member names it reads.</param>
public sealed class StoredRowReader(IGrainStorageSerializer serializer, JsonSerializerOptions json)
{
    private readonly JsonSerializerOptions shapes = new(json) { TypeInfoResolver = json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() };

    // The member names a state is read by: the shape a row of it may have. Rows written before a member was added
    // lack it, so a row needs some of these names and no others.
    private readonly ConcurrentDictionary<Type, HashSet<string>> memberNames = new();

    /// <param name="checkMembers">Whether the row's member names must be the state's (for whole states; entries are
    /// checked by their deserialization alone).</param>
    public T Read<T>(string row, string what, bool checkMembers = false)
    {
        try
        {
            using (var document = JsonDocument.Parse(row))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw Unreadable(what, $"it holds a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
                }

                if (checkMembers)
                {
                    var names = memberNames.GetOrAdd(typeof(T), NamesOf);
                    var stored = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
                    if (stored.Find(name => !names.Contains(name)) is { } unknown)
                    {
                        throw Unreadable(what, $"it has a member '{unknown}' the state does not");
                    }

                    if (stored.Count == 0)
                    {
                        throw Unreadable(what, "it is an empty object");
                    }
                }
            }

            return serializer.Deserialize<T>(BinaryData.FromString(row)) ?? throw Unreadable(what, "it holds null");
        }
        catch (JsonException ex)
        {
            throw Unreadable(what, ex.Message, ex);
        }
        catch (NotSupportedException ex)
        {
            throw Unreadable(what, ex.Message, ex);
        }
    }

    private HashSet<string> NamesOf(Type type) =>
        shapes.GetTypeInfo(type).Properties.Select(p => p.Name)
            .ToHashSet(json.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static StoredStateUnreadableException Unreadable(string what, string why, Exception? inner = null)
    {
        var message = $"the stored {what} is unreadable ({why}); it is kept as it is for an operator to repair";
        return inner is null ? new StoredStateUnreadableException(message) : new StoredStateUnreadableException(message, inner);
    }
}
