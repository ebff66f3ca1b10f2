using Microsoft.Extensions.Options;

namespace Routing.Server.Security;

/// <summary>Refuses, at start, an authentication setting the server could not enforce as written.</summary>
public sealed class RoutingAuthOptionsValidator : IValidateOptions<RoutingAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = RoutingAuthOptions.Section;
        var hasKey = !string.IsNullOrWhiteSpace(options.SigningKey);
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (hasKey && hasAuthority)
        {
            return ValidateOptionsResult.Fail($"{section}: set SigningKey or Authority, not both.");
        }

        if (hasKey && (options.SigningKeyBytes() is not { } key || key.Length < RoutingAuthOptions.MinimumKeyBytes))
        {
            return ValidateOptionsResult.Fail(
                $"{section}:SigningKey must be base64 of at least {RoutingAuthOptions.MinimumKeyBytes} bytes, e.g. the output of `openssl rand -base64 32`.");
        }

        if (hasAuthority && (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail($"{section}:Authority must be an absolute https URL.");
        }

        if (hasAuthority && string.IsNullOrWhiteSpace(options.Audience))
        {
            return ValidateOptionsResult.Fail($"{section}:Audience is required with an Authority.");
        }

        return ValidateOptionsResult.Success;
    }
}
