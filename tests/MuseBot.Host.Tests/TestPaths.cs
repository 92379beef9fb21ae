namespace MuseBot.Host.Tests;

public static class TestPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds MuseBot.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MuseBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("MuseBot.sln not found above " + AppContext.BaseDirectory);
    }
}
