namespace MuseBot.Cli;

/// <summary>Where relative paths (seeds/, index/, data/) resolve: the repository root when run inside it.</summary>
public static class RepoRoot
{
    public const string SolutionFile = "MuseBot.sln";

    /// <summary>The nearest folder at or above <paramref name="start"/> holding MuseBot.sln; else <paramref name="start"/>.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return start;
    }
}
