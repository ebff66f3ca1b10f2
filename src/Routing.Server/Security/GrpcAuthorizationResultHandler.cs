using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace Routing.Server.Security;

/// <summary>
/// Answers a refused call the way a gRPC client understands: UNAUTHENTICATED or PERMISSION_DENIED with a message
/// that says why, instead of ASP.NET Core's bare HTTP 401 / 403 (which clients report as "Bad gRPC response").
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (ApiAccess.MethodOf(context) is null)
        {
            // A web route (the supervisor page's stream): plain HTTP 401 / 403.
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // The handler keeps its result for the request: asking again returns why the token was refused.
            var authentication = await context.AuthenticateAsync();
            GrpcRefusal.Write(context.Response, StatusCode.Unauthenticated, WhyUnauthenticated(authentication.Failure));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needed = ApiAccess.RolesFor(context);
            var held = context.User.FindAll(ApiRoles.RoleClaim).Select(c => c.Value).ToList();
            GrpcRefusal.Write(
                context.Response,
                StatusCode.PermissionDenied,
                $"{ApiAccess.MethodOf(context)?.Name ?? "this call"} needs the role {string.Join(" or ", needed)}; the token has {(held.Count == 0 ? "no role" : string.Join(", ", held))}");
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string WhyUnauthenticated(Exception? failure) =>
        failure switch
        {
            null => "a bearer token is required (metadata 'authorization: Bearer <token>')",
            BearerTokenTooLongException tooLong => tooLong.Message,
            SecurityTokenExpiredException => "the bearer token has expired",
            SecurityTokenNotYetValidException => "the bearer token is not valid yet",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the bearer token's signature is not valid",
            SecurityTokenInvalidAudienceException => "the bearer token is for another audience",
            SecurityTokenInvalidIssuerException => "the bearer token is from another issuer",
            _ => "the bearer token is not valid",
        };
}
