using MuseBot.Core;

namespace MuseBot.Core.Tests;

/// <summary>One engine over the repo's note for the whole test project: the index and model load once.</summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        RepoRoot = FindRepoRoot();
        IndexPath = Path.Combine(Path.GetTempPath(), "musebot-core-tests-" + Guid.NewGuid().ToString("N"));
        Engine = MuseBotEngine.Open(new MuseBotOptions { SeedsPath = Path.Combine(RepoRoot, "seeds"), IndexPath = IndexPath });
    }

    public string RepoRoot { get; }
    public string IndexPath { get; }
    public MuseBotEngine Engine { get; }

    public static string FindRepoRoot() => RepositoryRoot.Require(AppContext.BaseDirectory);

    public void Dispose()
    {
        Engine.Dispose();
        try { Directory.Delete(IndexPath, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("engine")]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>;
