namespace Routing.Server.Tests;

/// <summary>The repository the tests run from, for files they read or run (scripts, protos).</summary>
public static class Repository
{
    /// <summary>The repository's root: the folder above the test binaries that holds Routing.sln.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Routing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Routing.sln was not found above {AppContext.BaseDirectory}");
    }
}
