using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MuseBot.Contracts;
using MuseBot.Core;
using MuseBot.Core.Commands;
using MuseBot.Core.Feedback;
using MuseBot.Generative;
using MuseBot.Storage.Azure;

namespace MuseBot.Cli;

/// <summary>
/// The command line, testable in-process: every command reads <c>stdin</c> and writes <c>stdout</c>/<c>stderr</c>
/// given here (logs go to the process's standard error). Exit codes: 0 done (bad questions included: they get a
/// friendly reply), 1 an eval missed a --min bar, 2 usage error, 3 unusable configuration, 130 cancelled.
/// </summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitBelowThreshold = 1;
    public const int ExitUsage = 2;
    public const int ExitConfiguration = 3;
    public const int ExitCancelled = 130;

    public const string Usage = """
        musebot — ask the research note from the command line

        Usage: musebot COMMAND [options]

        Commands:
          ask "QUESTION" ...    answer questions (or a chat on stdin when none is given: one per line, each may follow up the last)
              --json            one JSON object per question per line (the eval contract)
          explain "QUESTION"    how the engine read the question and ranked passages (for the note's maintainers)
              --after "PREVIOUS" read it as a follow-up to PREVIOUS (as the chat passes it: the previous question as read)
          sections              list the note's sections
          show N                print section N with its tables
          sources               what the note cites
          index                 rebuild the index now and print passages and time
          eval QUESTIONS.json   answer a question set and print the metrics score.py prints
              --show-failures   also print each failed item
              --by-kind         per question kind: accuracy, retrieval recall, answerability curve, wrong figures
              --context         per question kind: how often the passages sent to the model (AzureOpenAI budget) hold the gold answer, and the prompt's tokens
              --typos SEED      first mistype one word in each question (seeded: the same seed, the same slips)
              --after-unrelated also ask each question that follows up nothing after another of the set, as a chat
                                that moved on passes it, and count the answers that change
              --out FILE        keep the answers as JSON lines
              --min METRIC=V    exit 1 when a metric misses its bar (false_* are upper bounds)
          report [--top N]      the feedback report: the week's answered/refused rates, most-asked refused
                                questions, 👍/👎 by section; unanswered questions, most 👎 answers
              --html FILE       also write it as one HTML page with a chart of refusals and feedback per day
          tune [SETS...]        fit the answerability model on tuning sets (default dev, held-out, tuning; never validation)
              --folds N         cross-validation folds (default 5)
              --write           store the fitted models in src/MuseBot.Core/Answering/tuning.json
              --features PREFIX also write the labelled features as PREFIX.semantic.csv / PREFIX.lexical.csv
          bench [QUESTIONS.json] [--queries N]
                                engine figures: index build/open time, query latency, memory, BM25 vs fused quality
          teams-manifest TEMPLATE [--out FILE]
                                the Teams app manifest with its prompt starters drawn from the note
                                (infra/teams/package.sh runs it; ${{...}} placeholders are left for it to fill)
          help                  this text

        Options for every command:
          --seeds DIR           the folder with the note          (config MuseBot:SeedsPath, env MuseBot__SeedsPath)
          --index DIR           where the index lives              (MuseBot:IndexPath)
          --data DIR            runtime data (feedback database)   (MuseBot:DataPath)
          --no-semantic         BM25 only, no encoders             (MuseBot:SemanticSearch=false)
          --retrieval-model M   dense retrieval model, or none     (MuseBot:RetrievalModel)
          --alignment-model M   late-interaction model, or none    (MuseBot:AlignmentModel)
        Relative paths resolve against the repository root (the folder with MuseBot.sln), else the working directory.
        """;

    /// <param name="configureServices">Runs after the CLI's own registrations (tests use it to share one engine
    /// between runs); null in the program.</param>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        bool interactive = false, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var parsed = CliArguments.Parse(args, out var error);
        if (parsed is null)
        {
            stderr.WriteLine($"musebot: {error}");
            stderr.WriteLine($"Commands: {string.Join(", ", CliArguments.Commands)}. Run `musebot help` for usage.");
            return ExitUsage;
        }
        if (parsed.Command == "help")
        {
            stdout.WriteLine(Usage);
            // the note's own example questions, when its folder is where the configuration says
            var seeds = BuildConfiguration(parsed, Directory.GetCurrentDirectory())[$"{MuseBotOptions.SectionName}:{nameof(MuseBotOptions.SeedsPath)}"];
            if (seeds is not null && Directory.Exists(seeds) && MuseBot.Core.Note.ExampleQuestionsFile.Load(seeds) is { } examples)
            {
                stdout.WriteLine("Example questions:");
                foreach (var q in examples) stdout.WriteLine($"  musebot ask \"{q}\"");
            }
            return ExitOk;
        }

        try
        {
            var configuration = BuildConfiguration(parsed, Directory.GetCurrentDirectory());
            await using var services = BuildServices(configuration, configureServices);
            var context = new CliContext(parsed, services, configuration, stdin, stdout, stderr, interactive);
            return parsed.Command switch
            {
                "ask" => await AskCommand.RunAsync(context, cancellationToken),
                "eval" => await EvalCommand.RunAsync(context, cancellationToken),
                "bench" => await BenchCommand.RunAsync(context, cancellationToken),
                "tune" => await TuneCommand.RunAsync(context, cancellationToken),
                "index" => IndexCommand(context),
                "explain" => ExplainCommand(context),
                "sections" or "sources" or "show" => BrowseCommand(context),
                "report" => await FeedbackReportAsync(context, cancellationToken),
                "teams-manifest" => TeamsManifestCommand.Run(context),
                _ => throw new InvalidOperationException($"command '{parsed.Command}' has no handler"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("musebot: cancelled.");
            return ExitCancelled;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException
                                   or System.Text.Json.JsonException or FormatException)
        {
            // Configuration the engine cannot work with (no seeds, unwritable index, broken appsettings.json):
            // say what is wrong, not where in the code.
            stderr.WriteLine($"musebot: {ex.Message}");
            return ExitConfiguration;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"musebot: unexpected error ({ex.GetType().Name}): {ex.Message}");
            return ExitConfiguration;
        }
    }

    /// <summary>appsettings.json beside the binary, then environment variables (MuseBot__SeedsPath ...), then the
    /// command line; relative paths resolved against the repository root.</summary>
    public static IConfiguration BuildConfiguration(CliArguments parsed, string workingDirectory)
    {
        var overrides = new Dictionary<string, string?>();
        if (parsed.Value("--seeds") is { } seeds) overrides["MuseBot:SeedsPath"] = seeds;
        if (parsed.Value("--index") is { } index) overrides["MuseBot:IndexPath"] = index;
        if (parsed.Value("--data") is { } data) overrides["MuseBot:DataPath"] = data;
        if (parsed.Has("--no-semantic")) overrides["MuseBot:SemanticSearch"] = "false";
        if (parsed.Value("--retrieval-model") is { } retrieval) overrides["MuseBot:RetrievalModel"] = retrieval;
        if (parsed.Value("--alignment-model") is { } alignment) overrides["MuseBot:AlignmentModel"] = alignment;

        var layered = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

        var root = RepositoryRoot.Find(workingDirectory) ?? workingDirectory;
        var defaults = new MuseBotOptions();
        string Resolve(string key, string fallback)
        {
            var value = layered[$"{MuseBotOptions.SectionName}:{key}"];
            return Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? fallback : value, root);
        }
        var resolved = new Dictionary<string, string?>
        {
            ["MuseBot:SeedsPath"] = Resolve(nameof(MuseBotOptions.SeedsPath), defaults.SeedsPath),
            ["MuseBot:IndexPath"] = Resolve(nameof(MuseBotOptions.IndexPath), defaults.IndexPath),
            ["MuseBot:DataPath"] = Resolve(nameof(MuseBotOptions.DataPath), defaults.DataPath),
            ["MuseBot:RepositoryRoot"] = root,
        };
        return new ConfigurationBuilder().AddConfiguration(layered).AddInMemoryCollection(resolved).Build();
    }

    /// <summary>The same composition the host uses, without the Generic Host: engine, generative answers
    /// (when configured), the feedback store Storage:Provider names (embedded or shared), console logs on standard error.</summary>
    public static ServiceProvider BuildServices(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddSimpleConsole(o => o.SingleLine = true);
        });
        // Every log line on stderr, so stdout carries only answers (ask --json is piped into scorers).
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddMuseBotStorage(configuration)   // `report` reads whichever store the host writes to
            .AddMuseBotEngine(configuration)
            .AddGenerativeAnswers(configuration)
            .AddFeedbackStore(configuration);
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    private static int IndexCommand(CliContext context)
    {
        var options = context.Services.GetRequiredService<MuseBotOptions>();
        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var engine = MuseBotEngine.Open(options, loggerFactory, forceRebuild: true);
        watch.Stop();
        var stats = engine.Index.Stats;
        context.Stdout.WriteLine($"Indexed {stats.Passages} passages in {stats.BuildTime.TotalMilliseconds:F0} ms " +
                                 $"(open total {watch.Elapsed.TotalMilliseconds:F0} ms) into {options.IndexPath}; " +
                                 $"semantic search {(options.SemanticSearch ? "on" : "off")}.");
        return ExitOk;
    }

    private static int BrowseCommand(CliContext context)
    {
        var args = context.Arguments;
        if (args.Command != "show" && args.Positionals.Count > 0)
        {
            context.Stderr.WriteLine($"musebot: '{args.Command}' takes no arguments. Run `musebot help` for usage.");
            return ExitUsage;
        }
        var commands = context.Services.GetRequiredService<ChatCommands>();
        CommandReply reply = args.Command switch
        {
            "sections" => commands.SectionList(),
            "sources" => commands.SourceList(),
            _ => commands.Show(string.Join(' ', args.Positionals)),
        };
        context.Stdout.WriteLine(reply.Markdown);
        // `show` with no number or a word is a usage error; a number outside the note is answered and not an error.
        bool numeric = args.Positionals.Count == 1 && args.Positionals[0].TrimStart('§').All(char.IsAsciiDigit) && args.Positionals[0].TrimStart('§').Length > 0;
        return args.Command == "show" && !numeric ? ExitUsage : ExitOk;
    }

    private static int ExplainCommand(CliContext context)
    {
        var question = string.Join(' ', context.Arguments.Positionals);
        if (string.IsNullOrWhiteSpace(question))
        {
            context.Stderr.WriteLine("musebot explain: give a question, e.g. musebot explain \"what modes does spark have?\"");
            return ExitUsage;
        }
        context.Stdout.Write(context.Services.GetRequiredService<MuseBotEngine>().Extractive.Explain(question, context.Arguments.Value("--after")));
        return ExitOk;
    }

    private static async Task<int> FeedbackReportAsync(CliContext context, CancellationToken ct)
    {
        var store = context.Services.GetRequiredService<IFeedbackStore>();
        var top = int.TryParse(context.Arguments.Value("--top"), out var n) ? n : 10;
        return await ReportCommand.RunAsync(store, context.Stdout, top, context.Arguments.Value("--html"), now: null, ct);
    }
}

/// <summary>What a command runs with.</summary>
public sealed record CliContext(
    CliArguments Arguments,
    IServiceProvider Services,
    IConfiguration Configuration,
    TextReader Stdin,
    TextWriter Stdout,
    TextWriter Stderr,
    bool Interactive)
{
    public string RepositoryRoot => Configuration["MuseBot:RepositoryRoot"] ?? Directory.GetCurrentDirectory();
}
