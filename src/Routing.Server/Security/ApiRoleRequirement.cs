using Microsoft.AspNetCore.Authorization;

namespace Routing.Server.Security;

/// <summary>The caller holds one of the roles <see cref="ApiAccess"/> gives the gRPC method being called.</summary>
public sealed class ApiRoleRequirement : IAuthorizationRequirement;
