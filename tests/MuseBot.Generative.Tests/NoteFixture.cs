using MuseBot.Core;

namespace MuseBot.Generative.Tests;

/// <summary>The engine built once for the whole test project (BM25 only, so it takes well under a second).</summary>
public sealed class NoteFixture : IDisposable
{
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "musebot-gen-tests-" + Guid.NewGuid().ToString("N"));

    public NoteFixture()
    {
        RepoRoot = FindRepoRoot();
        Options = new MuseBotOptions
        {
            SeedsPath = Path.Combine(RepoRoot, "seeds"),
            IndexPath = _indexPath,
            DataPath = Path.Combine(_indexPath, "data"),
            SemanticSearch = false,
        };
        Engine = MuseBotEngine.Open(Options);
    }

    public string RepoRoot { get; }
    public MuseBotOptions Options { get; }
    public MuseBotEngine Engine { get; }

    private static string FindRepoRoot() => RepositoryRoot.Require(AppContext.BaseDirectory);

    public void Dispose()
    {
        Engine.Dispose();
        try { Directory.Delete(_indexPath, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class NoteCollection : ICollectionFixture<NoteFixture>
{
    public const string Name = "note";
}
