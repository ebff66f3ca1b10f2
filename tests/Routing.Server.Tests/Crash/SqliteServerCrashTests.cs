using Xunit.Abstractions;

namespace Routing.Server.Tests.Crash;

/// <summary>The crash tests on the embedded default: a SQLite file in the test's work directory, no extra arguments.</summary>
[Collection(CrashCollection.Name)]
public sealed class SqliteServerCrashTests(ITestOutputHelper output) : ServerCrashTests(output)
{
    protected override Task<IReadOnlyList<string>> StoreArgumentsAsync(string workDirectory) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
