using Microsoft.Extensions.Configuration;

namespace MuseBot.Core;

/// <summary>
/// Where relative MuseBot paths (seeds/, index/, data/) resolve: the repository root, found as the folder holding
/// MuseBot.sln, so the bot, the CLI and the tests behave the same from the root or from a project folder.
/// </summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "MuseBot.sln";
    private static readonly string[] PathKeys = [nameof(MuseBotOptions.SeedsPath), nameof(MuseBotOptions.IndexPath), nameof(MuseBotOptions.DataPath)];

    /// <summary>The nearest folder at or above <paramref name="start"/> holding MuseBot.sln, or null.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        return null;
    }

    /// <summary>The repository root above <paramref name="start"/>; throws when there is none (tests, benchmarks).</summary>
    public static string Require(string start) =>
        Find(start) ?? throw new InvalidOperationException($"{SolutionFile} not found above {start}: run inside the repository.");

    /// <summary>Rewrites the relative MuseBot:* paths in <paramref name="configuration"/> as absolute ones under <paramref name="baseDirectory"/>.</summary>
    public static void ResolvePathsInPlace(IConfiguration configuration, string baseDirectory)
    {
        foreach (var key in PathKeys)
        {
            var fullKey = $"{MuseBotOptions.SectionName}:{key}";
            var value = configuration[fullKey];
            if (!string.IsNullOrWhiteSpace(value) && !Path.IsPathRooted(value))
                configuration[fullKey] = Path.GetFullPath(value, baseDirectory);
        }
    }
}
