using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Routing.Server.Hosting;
using Routing.Server.Mapping;

namespace Routing.Server.Security;

/// <summary>
/// Bearer-token authentication (ASP.NET Core's JwtBearer) and the role table of <see cref="ApiAccess"/>, on when
/// <c>Routing:Auth</c> names a signing key or an authority; off only while the server listens on loopback alone.
/// </summary>
public static partial class RoutingAuthExtensions
{
    public static bool AddRoutingAuth(this WebApplicationBuilder builder, ListenEndpoint grpcEndpoint)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(grpcEndpoint);
        builder.Services.AddOptions<RoutingAuthOptions>().BindConfiguration(RoutingAuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RoutingAuthOptions>, RoutingAuthOptionsValidator>();
        builder.Services.AddSingleton<CallerChecks>();
        var auth = builder.Configuration.GetSection(RoutingAuthOptions.Section).Get<RoutingAuthOptions>() ?? new RoutingAuthOptions();
        if (!auth.IsEnabled)
        {
            if (!grpcEndpoint.IsLoopback)
            {
                throw new InvalidOperationException(
                    $"The server would listen on {grpcEndpoint} with no authentication: anyone who reaches it could act as any agent. " +
                    $"Set {RoutingAuthOptions.Section}:SigningKey (base64, 32 bytes or more) or {RoutingAuthOptions.Section}:Authority, " +
                    "or listen on a loopback address.");
            }

            return false;
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Claims keep the names tokens carry (role, agent_id), not the long WS-Federation names.
            jwt.MapInboundClaims = false;
            jwt.Events = new JwtBearerEvents { OnMessageReceived = RefuseOverlongToken };
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                RoleClaimType = ApiRoles.RoleClaim,
                NameClaimType = ApiRoles.SubjectClaim,
                ValidateLifetime = true,
                ValidateIssuer = !string.IsNullOrWhiteSpace(auth.Issuer),
                ValidIssuer = auth.Issuer,
                ValidateAudience = !string.IsNullOrWhiteSpace(auth.Audience),
                ValidAudience = auth.Audience,
            };
            if (!string.IsNullOrWhiteSpace(auth.Authority))
            {
                jwt.Authority = auth.Authority;
                jwt.Audience = auth.Audience;
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(auth.SigningKeyBytes());
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiAccess.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ApiRoleRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, ApiRoleHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        return true;
    }

    // Refused before it is parsed, with a message: JwtBearer's own limit is 250 KB and says only "not valid".
    private static Task RefuseOverlongToken(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length - "Bearer ".Length > InputLimits.MaxBearerTokenLength)
        {
            context.Fail(new BearerTokenTooLongException(header.Length - "Bearer ".Length));
        }

        return Task.CompletedTask;
    }

    /// <summary>Puts authentication in the pipeline when it is on, or says at start that it is off.</summary>
    public static bool UseRoutingAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.Services.GetRequiredService<IOptions<RoutingAuthOptions>>().Value;
        if (!auth.IsEnabled)
        {
            LogAuthenticationOff(app.Logger, RoutingAuthOptions.Section);
            return false;
        }

        app.UseAuthentication();
        app.UseAuthorization();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is off: every caller may act in every role. Allowed on loopback only; set {Section}:SigningKey or {Section}:Authority to turn it on")]
    private static partial void LogAuthenticationOff(ILogger logger, string section);
}
