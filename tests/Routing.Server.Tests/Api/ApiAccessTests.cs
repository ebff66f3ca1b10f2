using Routing.Api.V1;
using Routing.Server.Security;

namespace Routing.Server.Tests.Api;

/// <summary>The access table covers the whole API: a method it forgot would be refused to everyone.</summary>
public sealed class ApiAccessTests
{
    [Fact]
    public void Every_method_of_every_service_has_roles_and_the_table_names_no_other()
    {
        var methods = new[] { RoutingReflection.Descriptor, AgentsReflection.Descriptor, AdminReflection.Descriptor, SupervisorReflection.Descriptor, FeedbackReflection.Descriptor }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods.Select(method => $"{service.FullName}/{method.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(methods.Order(StringComparer.Ordinal), ApiAccess.Methods.Order(StringComparer.Ordinal));
        Assert.All(methods, m => Assert.NotEmpty(ApiAccess.RolesFor(m.Split('/')[0], m.Split('/')[1])));
        Assert.All(ApiAccess.Methods, m => Assert.All(ApiAccess.RolesFor(m.Split('/')[0], m.Split('/')[1]), role => Assert.Contains(role, ApiRoles.All)));
    }
}
