using MuseBot.Core;

namespace MuseBot.Core.Tests;

/// <summary>One engine over the repo's note for the whole test project: the index (shared with the other test
/// projects, <see cref="MuseBot.Testing.SharedIndex"/>) opens and the models load once.</summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        RepoRoot = FindRepoRoot();
        IndexPath = MuseBot.Testing.SharedIndex.IndexPath;
        Engine = MuseBotEngine.Open(new MuseBotOptions { SeedsPath = Path.Combine(RepoRoot, "seeds"), IndexPath = IndexPath });
    }

    public string RepoRoot { get; }
    public string IndexPath { get; }
    public MuseBotEngine Engine { get; }

    public static string FindRepoRoot() => RepositoryRoot.Require(AppContext.BaseDirectory);

    public void Dispose()
    {
        Engine.Dispose();   // the index folder stays for the next run
    }
}

[CollectionDefinition("engine")]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>;
