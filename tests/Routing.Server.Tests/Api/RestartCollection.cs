namespace Routing.Server.Tests.Api;

[CollectionDefinition(Name)]
public sealed class RestartCollection
{
    public const string Name = "restart";
}
