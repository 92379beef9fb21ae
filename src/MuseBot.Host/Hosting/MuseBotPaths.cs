namespace MuseBot.Host.Hosting;

/// <summary>
/// Resolves the relative MuseBot:* paths (seeds/, index/, data/) the same way whether the host runs from the
/// repository root (<c>dotnet run --project src/MuseBot.Host</c>) or from the project folder: against the folder
/// holding MuseBot.sln when one is found above the working directory or the content root, else the content root.
/// </summary>
public static class MuseBotPaths
{
    public const string SolutionFile = "MuseBot.sln";
    private static readonly string[] PathKeys = ["SeedsPath", "IndexPath", "DataPath"];

    /// <summary>The folder relative MuseBot paths resolve against.</summary>
    public static string BaseDirectory(string workingDirectory, string contentRoot) =>
        FindSolutionRoot(workingDirectory) ?? FindSolutionRoot(contentRoot) ?? contentRoot;

    public static string? FindSolutionRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        return null;
    }

    /// <summary>Rewrites the relative MuseBot:* paths in <paramref name="configuration"/> as absolute ones.</summary>
    public static void ResolveInPlace(IConfiguration configuration, string baseDirectory)
    {
        foreach (var key in PathKeys)
        {
            var fullKey = $"MuseBot:{key}";
            var value = configuration[fullKey];
            if (!string.IsNullOrWhiteSpace(value) && !Path.IsPathRooted(value))
                configuration[fullKey] = Path.GetFullPath(value, baseDirectory);
        }
    }
}
