using MuseBot.Core;

namespace MuseBot.Cli.Tests;

/// <summary>The index the test projects share (<see cref="MuseBot.Testing.SharedIndex"/>), a temp data folder, and a way to run the CLI in-process
/// (every run on the fixture's index answers with one shared engine, as a host would).</summary>
public sealed class CliFixture : IDisposable
{
    public CliFixture()
    {
        RepoRoot = MuseBot.Core.RepositoryRoot.Require(AppContext.BaseDirectory);
        // created now: tests write their --out files here, whichever runs first
        TempDir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "musebot-cli-tests-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        IndexPath = MuseBot.Testing.SharedIndex.IndexPath;
        DataPath = Path.Combine(TempDir, "data");
        // Opened (built, the first time for this build of the engine) here, then shared by every in-process run.
        var engine = MuseBot.Testing.SharedEngine.For(new MuseBotOptions
        {
            SeedsPath = SeedsPath,
            IndexPath = IndexPath,
            DataPath = DataPath,
            SemanticSearch = true,
        });
        Passages = engine.Index.Stats.Passages;
    }

    public string RepoRoot { get; }
    public string SeedsPath => Path.Combine(RepoRoot, "seeds");
    public string TempDir { get; }
    public string IndexPath { get; }
    public string DataPath { get; }
    public int Passages { get; }
    public string DevSetPath => Path.Combine(RepoRoot, "tests", "eval", "dev.json");

    /// <summary>Runs `musebot COMMAND --seeds … --index … --data … REST` with <paramref name="stdin"/>.</summary>
    public async Task<CliResult> RunAsync(string command, string[] rest, string stdin = "")
    {
        string[] args = [command, "--seeds", SeedsPath, "--index", IndexPath, "--data", DataPath, .. rest];
        return await RunRawAsync(args, stdin);
    }

    public Task<CliResult> RunAsync(string command, params string[] rest) => RunAsync(command, rest, "");

    /// <summary>Runs the CLI with exactly <paramref name="args"/>.</summary>
    public static async Task<CliResult> RunRawAsync(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exit = await CliApp.RunAsync(args, input, output, errors, configureServices: MuseBot.Testing.SharedEngine.Use, cancellationToken: timeout.Token);
        return new CliResult(exit, output.ToString(), errors.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(TempDir, recursive: true); }
        catch (IOException) { }
    }
}

public sealed record CliResult(int Exit, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliFixture>
{
    public const string Name = "cli";
}
