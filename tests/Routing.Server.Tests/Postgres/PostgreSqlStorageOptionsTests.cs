using Routing.Server.Storage;

namespace Routing.Server.Tests.Postgres;

/// <summary>The settings check needs no server: a bad setting stops the silo at start with a message naming it.</summary>
public sealed class PostgreSqlStorageOptionsTests
{
    private readonly PostgreSqlStorageOptionsValidator validator = new();

    [Fact]
    public void No_connection_string_keeps_the_embedded_default()
    {
        var result = validator.Validate(null, new PostgreSqlStorageOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Applying_the_schema_without_a_connection_string_is_refused_naming_both_settings()
    {
        var result = validator.Validate(null, new PostgreSqlStorageOptions { ApplySchemaOnStart = true });

        Assert.Equal(
            "Routing:Storage:PostgreSql:ApplySchemaOnStart is set but Routing:Storage:PostgreSql:ConnectionString is empty: name the database to apply the schema to.",
            result.FailureMessage);
    }

    [Fact]
    public void A_connection_string_npgsql_cannot_read_is_refused_naming_the_setting()
    {
        var result = validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = "Host=db;Colour=blue" });

        Assert.True(result.Failed);
        Assert.StartsWith("Routing:Storage:PostgreSql:ConnectionString is not a valid Npgsql connection string: ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_without_a_database_is_refused()
    {
        var result = validator.Validate(null, new PostgreSqlStorageOptions { ConnectionString = "Host=db;Username=routing" });

        Assert.Equal(
            "Routing:Storage:PostgreSql:ConnectionString must name the database (Database=...); the schema and all silos of a cluster share it.",
            result.FailureMessage);
    }
}
