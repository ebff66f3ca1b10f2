namespace Routing.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class DesktopClusterCollection : ICollectionFixture<DesktopClusterFixture>
{
    public const string Name = "Desktop cluster";
}
