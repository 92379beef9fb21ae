using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Core;
using MuseBot.Core.Evaluation;

namespace MuseBot.Cli;

/// <summary>
/// `bench`: the engine's figures, printed and not asserted: index build and open time, warm query latency
/// and throughput on one thread, memory, and answer quality with BM25 alone vs BM25 fused with embeddings.
/// Runs the extractive engine on temporary index folders, so the configured index is left alone.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken ct)
    {
        var args = context.Arguments;
        var output = context.Stdout;
        var configured = context.Services.GetRequiredService<MuseBotOptions>();
        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger("MuseBot.Cli");
        var questionsPath = args.Positionals.Count > 0
            ? Path.GetFullPath(args.Positionals[0])
            : Path.Combine(context.RepositoryRoot, "tests", "eval", "dev.json");
        if (args.Positionals.Count > 1 || !File.Exists(questionsPath))
        {
            context.Stderr.WriteLine($"musebot: bench needs a questions file (default tests/eval/dev.json); none at {questionsPath}.");
            return CliApp.ExitUsage;
        }
        var items = EvalScorer.LoadQuestions(questionsPath);
        int queries = int.TryParse(args.Value("--queries"), out var q) ? q : 200;

        var temp = Path.Combine(Path.GetTempPath(), "musebot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new MuseBotOptions
            {
                SeedsPath = configured.SeedsPath,
                IndexPath = Path.Combine(temp, "index"),
                DataPath = Path.Combine(temp, "data"),
                SemanticSearch = configured.SemanticSearch,
            };
            output.WriteLine($"musebot bench — {items.Count} questions from {questionsPath}; semantic search {(options.SemanticSearch ? "on" : "off")}");

            var watch = Stopwatch.StartNew();
            using (var built = MuseBotEngine.Open(options, loggerFactory, forceRebuild: true))
            {
                watch.Stop();
                output.WriteLine($"index build (forced):      {Ms(watch.Elapsed)} ({built.Index.Stats.Passages} passages; build step {Ms(built.Index.Stats.BuildTime)})");
            }

            watch.Restart();
            using var engine = MuseBotEngine.Open(options, loggerFactory);
            watch.Stop();
            output.WriteLine($"index open (warm):         {Ms(watch.Elapsed)} (rebuilt: {(engine.Index.Stats.Rebuilt ? "yes" : "no")})");

            var answerer = new SafeAnswerer(engine.Answers, logger);
            // Warm-up: JIT, the embedding model's first session run.
            watch.Restart();
            await answerer.AnswerAsync(items[0].Question, ct);
            watch.Stop();
            output.WriteLine($"first query (cold model):  {Ms(watch.Elapsed)}");
            foreach (var item in items.Take(5)) await answerer.AnswerAsync(item.Question, ct);

            var latencies = new double[queries];
            var total = Stopwatch.StartNew();
            for (int i = 0; i < queries; i++)
            {
                ct.ThrowIfCancellationRequested();
                var one = Stopwatch.StartNew();
                await answerer.AnswerAsync(items[i % items.Count].Question, ct);
                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
            total.Stop();
            Array.Sort(latencies);
            output.WriteLine($"warm query latency:        p50 {Pct(latencies, 50):F1} ms, p95 {Pct(latencies, 95):F1} ms, p99 {Pct(latencies, 99):F1} ms, max {latencies[^1]:F1} ms over {queries} queries");
            output.WriteLine($"throughput (1 thread):     {(queries / total.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture)} queries/s");

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            output.WriteLine($"peak working set:          {Mb(process.PeakWorkingSet64)}");
            output.WriteLine($"GC heap (after queries):   {Mb(GC.GetTotalMemory(forceFullCollection: false))}; after full collection {Mb(GC.GetTotalMemory(forceFullCollection: true))}");

            output.WriteLine("retrieval quality on " + Path.GetFileName(questionsPath) + ":");
            foreach (var semantic in new[] { false, true })
            {
                var qualityOptions = new MuseBotOptions
                {
                    SeedsPath = options.SeedsPath,
                    IndexPath = Path.Combine(temp, semantic ? "index-fused" : "index-bm25"),
                    DataPath = options.DataPath,
                    SemanticSearch = semantic,
                };
                using var qualityEngine = MuseBotEngine.Open(qualityOptions, loggerFactory);
                var lines = await EvalCommand.AnswerAllAsync(new SafeAnswerer(qualityEngine.Answers, logger), items, ct);
                var report = EvalScorer.Score(items, EvalScorer.LoadAnswers(lines, context.Stderr));
                output.WriteLine($"  {(semantic ? "BM25 + embeddings (fused)" : "BM25 only"),-27} " +
                                 $"answer_accuracy {Value(report["answer_accuracy"])}, citation_hit {Value(report["citation_hit"])}, " +
                                 $"abstain_recall {Value(report["abstain_recall"])}, flag_recall {Value(report["flag_recall"])}, " +
                                 $"items {report.Right} right / {report.Wrong} wrong");
            }
            return CliApp.ExitOk;
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }

    private static double Pct(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";
    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
    private static string Value(EvalMetric m) => m.Value is { } v ? EvalScorer.FormatFixed3(v) : "n/a";
}
