namespace Routing.Server.Tests.Hostile;

[CollectionDefinition(Name)]
public sealed class HostileCorpusCollection : ICollectionFixture<HostileCorpusFixture>
{
    public const string Name = "hostile-corpus";
}
