using Microsoft.Data.Sqlite;

namespace Routing.Bench;

/// <summary>
/// Counts grain-state writes from the store itself: every write bumps a row's version by one and an insert starts
/// at one, so the sum of versions per grain type is the number of writes of that type.
/// </summary>
internal static class StoreWrites
{
    public static async Task<Dictionary<string, long>> ByGrainTypeAsync(string databasePath)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainType, SUM(Version) FROM GrainState GROUP BY GrainType";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }
}
