using Microsoft.Extensions.Options;
using Npgsql;

namespace Routing.Server.Storage;

/// <summary>Checks <see cref="PostgreSqlStorageOptions"/> at start, naming the setting that is wrong.</summary>
public sealed class PostgreSqlStorageOptionsValidator : IValidateOptions<PostgreSqlStorageOptions>
{
    private const string ConnectionStringKey = $"{PostgreSqlStorageOptions.SectionName}:{nameof(PostgreSqlStorageOptions.ConnectionString)}";

    public ValidateOptionsResult Validate(string? name, PostgreSqlStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return options.ApplySchemaOnStart
                ? ValidateOptionsResult.Fail(
                    $"{PostgreSqlStorageOptions.SectionName}:{nameof(PostgreSqlStorageOptions.ApplySchemaOnStart)} is set but {ConnectionStringKey} is empty: name the database to apply the schema to.")
                : ValidateOptionsResult.Success;
        }

        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{ConnectionStringKey} is not a valid Npgsql connection string: {ex.Message}");
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            failures.Add($"{ConnectionStringKey} must name the server (Host=...).");
        }

        if (string.IsNullOrWhiteSpace(settings.Database))
        {
            failures.Add($"{ConnectionStringKey} must name the database (Database=...); the schema and all silos of a cluster share it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
