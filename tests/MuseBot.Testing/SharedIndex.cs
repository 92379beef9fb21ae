using System.Security.Cryptography;
using System.Text;
using MuseBot.Core;

namespace MuseBot.Testing;

/// <summary>
/// The repo's note indexed with the default models, in one folder under the temp folder per build of the engine
/// (MuseBot.Core's module version id) and seeds folder, shared by every test process and kept between runs: the Core,
/// CLI and host tests each built this same index into a new folder of their own at every run. The engine's own lock
/// keeps two processes from building it at once (NoteIndex.Open), the models are unpacked into it atomically, and a
/// rebuilt MuseBot.Core gets a new folder, so a changed engine never reads what an older one wrote. Only the few most
/// recently used folders are kept. Self-contained (the Core and CLI tests link this file).
/// </summary>
public static class SharedIndex
{
    private const int FoldersKept = 3;
    private static readonly Lazy<string> Folder = new(Prepare);

    public static string Root => Path.Combine(Path.GetTempPath(), "musebot-test-index");

    public static string SeedsPath => Path.Combine(RepositoryRoot.Require(AppContext.BaseDirectory), "seeds");

    /// <summary>The index folder for this build of the engine; never write anything else into it.</summary>
    public static string IndexPath => Folder.Value;

    /// <summary>The repo's note on the shared index, semantic search on with the default models, runtime data in
    /// <paramref name="dataPath"/>.</summary>
    public static MuseBotOptions Options(string dataPath) => new() { SeedsPath = SeedsPath, IndexPath = IndexPath, DataPath = dataPath };

    private static string Prepare()
    {
        var build = typeof(MuseBotEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
        var seeds = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(SeedsPath))))[..8];
        var folder = Path.Combine(Root, $"index-{build}-{seeds}");
        Directory.CreateDirectory(folder);
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);   // in use: the newest
        // Older builds' folders (each holds the models, ~170 MB): the most recently used few stay, and none touched
        // in the last hour, which another test process may be reading.
        var stale = new DirectoryInfo(Root).EnumerateDirectories("index-*")
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(FoldersKept)
            .Where(d => d.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1));
        foreach (var old in stale)
        {
            try
            {
                old.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another process holds it: left for the next run
            }
        }
        return folder;
    }
}
