namespace Routing.Server.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class SqliteStorageCollection : ICollectionFixture<SqliteStorageFixture>
{
    public const string Name = "SQLite grain storage";
}
