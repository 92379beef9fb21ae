using MuseBot.Core;

namespace MuseBot.Host.Hosting;

/// <summary>
/// Resolves the relative MuseBot:* paths (seeds/, index/, data/) the same way whether the host runs from the
/// repository root (<c>dotnet run --project src/MuseBot.Host</c>) or from the project folder: against the folder
/// holding MuseBot.sln when one is found above the working directory or the content root, else the content root.
/// </summary>
public static class MuseBotPaths
{
    /// <summary>The folder relative MuseBot paths resolve against.</summary>
    public static string BaseDirectory(string workingDirectory, string contentRoot) =>
        RepositoryRoot.Find(workingDirectory) ?? RepositoryRoot.Find(contentRoot) ?? contentRoot;

    /// <summary>Rewrites the relative MuseBot:* paths in <paramref name="configuration"/> as absolute ones.</summary>
    public static void ResolveInPlace(IConfiguration configuration, string baseDirectory) =>
        RepositoryRoot.ResolvePathsInPlace(configuration, baseDirectory);
}
