using Npgsql;

namespace Routing.Server.Storage;

/// <summary>
/// Applies the PostgreSQL schema at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>: before the membership
/// table is initialized (RuntimeGrainServices) and before the grain storage provider reads its statements
/// (ApplicationServices), so a silo can start on an empty database. An unreachable database stops the silo here.
/// </summary>
internal sealed partial class PostgreSqlSchemaOnStart(string connectionString, ILogger<PostgreSqlSchemaOnStart> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgreSqlSchemaOnStart), ServiceLifecycleStage.RuntimeInitialize, ApplyAsync);

    private async Task ApplyAsync(CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await PostgreSqlSchema.ApplyAsync(connectionString, ct);
        LogSchemaApplied(logger, PostgreSqlSchema.Scripts, settings.Database, settings.Host);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Scripts} to PostgreSQL database {Database} on {Host}")]
    private static partial void LogSchemaApplied(ILogger logger, IReadOnlyList<string> scripts, string? database, string? host);
}
