using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace Routing.Server.Security;

/// <summary>A bearer token longer than <see cref="Mapping.InputLimits.MaxBearerTokenLength"/>, refused before it is parsed.</summary>
public sealed class BearerTokenTooLongException : SecurityTokenException
{
    public BearerTokenTooLongException()
    {
    }

    public BearerTokenTooLongException(string message)
        : base(message)
    {
    }

    public BearerTokenTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BearerTokenTooLongException(int length)
        : base(string.Create(CultureInfo.InvariantCulture, $"the bearer token is {length} characters long; at most {Mapping.InputLimits.MaxBearerTokenLength} are accepted"))
    {
    }
}
