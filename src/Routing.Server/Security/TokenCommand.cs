namespace Routing.Server.Security;

/// <summary>
/// <c>mint-token --roles agent --agent-id alice [--subject NAME] [--minutes 60]</c>: prints a token signed with the configured
/// signing key (from appsettings.json, ROUTING__AUTH__SIGNINGKEY-style environment variables or the command line).
/// </summary>
public static class TokenCommand
{
    public const string Name = "mint-token";

    private const int DefaultMinutes = 60;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var auth = configuration.GetSection(RoutingAuthOptions.Section).Get<RoutingAuthOptions>() ?? new RoutingAuthOptions();
        var roles = (configuration["roles"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var minutes = int.TryParse(configuration["minutes"], out var m) && m > 0 ? m : DefaultMinutes;
        try
        {
            var validation = new RoutingAuthOptionsValidator().Validate(null, auth);
            if (validation.Failed || string.IsNullOrWhiteSpace(auth.SigningKey))
            {
                throw new InvalidOperationException(validation.Failed ? validation.FailureMessage : $"{RoutingAuthOptions.Section}:SigningKey is not set");
            }

            output.WriteLine(DevelopmentTokens.Mint(auth, roles, configuration["agent-id"], TimeSpan.FromMinutes(minutes), TimeProvider.System, configuration["subject"]));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            error.WriteLine($"{Name}: {ex.Message}");
            error.WriteLine($"usage: {Name} --roles adapter|agent|supervisor|admin[,...] [--agent-id ID] [--subject NAME] [--minutes {DefaultMinutes}]");
            return 2;
        }
    }
}
