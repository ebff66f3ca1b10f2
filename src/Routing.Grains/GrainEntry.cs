namespace Routing.Grains;

/// <summary>One stored entry of a grain (see <see cref="IGrainEntryStorage"/>): its key, value and version.</summary>
public sealed record GrainEntry<T>(string Key, T Value, string ETag);
