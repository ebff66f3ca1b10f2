namespace Routing.Bench;

/// <summary>The grain storage's committed totals at one moment: round trips, operations, writes and bytes by state.</summary>
internal sealed record StorageReading(long Batches, long Operations, IReadOnlyDictionary<string, long> Writes, IReadOnlyDictionary<string, long> Bytes)
{
    /// <summary>What was committed between <paramref name="earlier"/> and this reading.</summary>
    public StorageReading Since(StorageReading earlier) => new(
        Batches - earlier.Batches,
        Operations - earlier.Operations,
        Writes.ToDictionary(p => p.Key, p => p.Value - earlier.Writes.GetValueOrDefault(p.Key), StringComparer.Ordinal),
        Bytes.ToDictionary(p => p.Key, p => p.Value - earlier.Bytes.GetValueOrDefault(p.Key), StringComparer.Ordinal));
}
