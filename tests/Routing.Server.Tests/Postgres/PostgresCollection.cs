namespace Routing.Server.Tests.Postgres;

/// <summary>Servers on PostgreSQL, run one test at a time so their connection pools stay within max_connections.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "postgres";
}
