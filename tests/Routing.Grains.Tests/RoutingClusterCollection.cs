namespace Routing.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class RoutingClusterCollection : ICollectionFixture<RoutingClusterFixture>
{
    public const string Name = "Routing cluster";
}
