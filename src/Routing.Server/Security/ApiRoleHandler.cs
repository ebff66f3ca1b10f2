using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;

namespace Routing.Server.Security;

/// <summary>Grants <see cref="ApiRoleRequirement"/> when the token names a role the method's row in <see cref="ApiAccess"/> lists.</summary>
public sealed class ApiRoleHandler : AuthorizationHandler<ApiRoleRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiRoleRequirement requirement, HttpContext resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
            && ApiAccess.RolesFor(grpc.Method.ServiceName, grpc.Method.Name).Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
