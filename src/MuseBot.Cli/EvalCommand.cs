using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core;
using MuseBot.Evaluation;
using MuseBot.Generative;
using Microsoft.Extensions.Configuration;

namespace MuseBot.Cli;

/// <summary>`eval QUESTIONS.json`: answers every question through the `ask --json` path and scores the lines
/// with the port of score.py, printing what score.py prints.</summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var args = context.Arguments;
        if (args.Positionals.Count != 1)
        {
            context.Stderr.WriteLine("musebot: eval needs one questions file, e.g. `musebot eval tests/eval/dev.json`.");
            return CliApp.ExitUsage;
        }
        var minimums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in args.Minimums)
        {
            if (!EvalScorer.TryParseMinimum(m, out var metric, out var value) || !EvalScorer.MetricNames.Contains(metric))
            {
                context.Stderr.WriteLine($"musebot: --min takes METRIC=VALUE with METRIC one of {string.Join(", ", EvalScorer.MetricNames)}.");
                return CliApp.ExitUsage;
            }
            minimums[metric] = value;
        }
        var path = Path.GetFullPath(args.Positionals[0]);
        if (!File.Exists(path))
        {
            context.Stderr.WriteLine($"musebot: no questions file at {path}.");
            return CliApp.ExitUsage;
        }
        var items = EvalScorer.LoadQuestions(path);
        if (args.Value("--typos") is { } seedText)
        {
            if (!int.TryParse(seedText, out var seed))
            {
                context.Stderr.WriteLine("musebot: --typos takes a seed, a whole number (the same seed gives the same slips).");
                return CliApp.ExitUsage;
            }
            items = Typos.Apply(items, seed);
        }

        var engine = context.Services.GetRequiredService<MuseBotEngine>();
        if (args.Has("--context"))
        {
            // what the generative engine hands the model, at the configured budget (the AzureOpenAI section, or its defaults)
            var options = new AzureOpenAIAnswerOptions();
            context.Services.GetRequiredService<IConfiguration>().GetSection(AzureOpenAIAnswerOptions.SectionName).Bind(options);
            var rows = await ContextRecall.MeasureAsync(new ModelContext(engine.Answers, engine.Search, options), options, items,
                id => engine.Index.Model.Units.Any(u => u.Negated && (u.Id == id || u.Passage.ParentId == id)), ct);
            ContextRecall.Write(context.Stdout, rows, options, args.Has("--show-failures"));
            return CliApp.ExitOk;
        }
        var answerer = new SafeAnswerer(context.Services.GetRequiredService<IAnswerEngine>(),
            context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MuseBot.Cli"));
        var watch = Stopwatch.StartNew();
        // --by-kind measures the extractive engine's stages, so its answers are the ones scored
        bool extractive = args.Has("--by-kind");
        var traces = extractive ? items.Select(i => engine.Extractive.Trace(new Question(i.Question, i.Previous))).ToList() : null;
        var lines = traces is not null
            ? traces.Select((t, k) => AnswerJson.ToLine(t.Answer, items[k].Question)).ToList()
            : await AnswerAllAsync(answerer, items, ct);
        watch.Stop();
        context.Stderr.WriteLine($"Answered {items.Count} questions in {watch.Elapsed.TotalMilliseconds:F0} ms.");

        if (args.Value("--out") is { } outPath)
            await File.WriteAllLinesAsync(Path.GetFullPath(outPath), lines, new UTF8Encoding(false), ct);

        var report = EvalScorer.Score(items, EvalScorer.LoadAnswers(lines, context.Stderr));
        var exit = report.WriteTo(context.Stdout, args.Has("--show-failures"), minimums);
        if (args.Has("--after-unrelated"))
        {
            var paired = UnrelatedPrevious.Pair(items);
            // answered the way the set was, so that only the previous question differs
            var pairedLines = extractive
                ? paired.Select(i => AnswerJson.ToLine(engine.Extractive.Trace(new Question(i.Question, i.Previous)).Answer, i.Question)).ToList()
                : await AnswerAllAsync(answerer, paired, ct);
            var after = EvalScorer.Score(paired, EvalScorer.LoadAnswers(pairedLines, context.Stderr));
            var (changed, lost, gained) = UnrelatedPrevious.Compare(report, after);
            context.Stdout.WriteLine($"after an unrelated question: {changed} of {paired.Count} answers changed; " +
                                     $"right {report.Results.Count(r => r.Item.Previous is null && r.Grade.Right)} → {after.Results.Count(r => r.Grade.Right)} " +
                                     $"({lost} lost, {gained} gained)");
        }
        if (traces is not null)
            StageReport.Write(context.Stdout, report.Results.Select((r, k) => new TracedItem(r.Item, traces[k], r.Grade)).ToList());
        return exit;
    }

    /// <summary>The `ask --json` line of every item's question, in order.</summary>
    public static async Task<List<string>> AnswerAllAsync(SafeAnswerer answerer, IReadOnlyList<EvalItem> items, CancellationToken ct)
    {
        var lines = new List<string>(items.Count);
        foreach (var item in items)
        {
            var answer = await answerer.AnswerAsync(item.Question, ct, item.Previous);
            lines.Add(AnswerJson.ToLine(answer, item.Question));
        }
        return lines;
    }
}
