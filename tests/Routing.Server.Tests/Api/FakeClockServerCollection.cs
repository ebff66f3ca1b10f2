namespace Routing.Server.Tests.Api;

[CollectionDefinition(Name)]
public sealed class FakeClockServerCollection : ICollectionFixture<FakeClockServerFixture>
{
    public const string Name = "server with a driven clock";
}
