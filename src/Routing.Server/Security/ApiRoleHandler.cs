using Microsoft.AspNetCore.Authorization;

namespace Routing.Server.Security;

/// <summary>Grants <see cref="ApiRoleRequirement"/> when the token names a role the method's row in <see cref="ApiAccess"/> lists.</summary>
public sealed class ApiRoleHandler : AuthorizationHandler<ApiRoleRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiRoleRequirement requirement, HttpContext resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (ApiAccess.RolesFor(resource).Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
