using MuseBot.Core;

namespace MuseBot.Testing;

public static class TestPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds MuseBot.sln.</summary>
    public static string RepoRoot { get; } = RepositoryRoot.Require(AppContext.BaseDirectory);

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    /// <summary>The questions the bot suggests for the repo's note (seeds/examples.tsv).</summary>
    public static IReadOnlyList<string> ExampleQuestions =>
        MuseBot.Core.Note.ExampleQuestionsFile.Load(Seeds) ?? throw new InvalidOperationException("seeds/examples.tsv is missing.");
}
