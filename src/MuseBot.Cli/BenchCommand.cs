using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuseBot.Contracts;
using MuseBot.Core;
using MuseBot.Evaluation;

namespace MuseBot.Cli;

/// <summary>
/// `bench`: the engine's speed and memory, printed against the targets and not asserted. In order: the first answer
/// from an engine opened on a built index (models loaded on the way), warm latency over distinct questions (no
/// repeated question, so no cached encoding), the peak working set while answering with every model loaded, answer
/// quality with the encoders and with BM25 alone, a forced index build, and the peak working set of the whole run.
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
        var paths = args.Positionals.Count > 0
            ? args.Positionals.Select(p => Path.GetFullPath(p)).ToList()
            : TuneCommand.DefaultSets.Select(p => Path.Combine(context.RepositoryRoot, p)).ToList();
        if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            context.Stderr.WriteLine($"musebot: bench needs question files (default {string.Join(", ", TuneCommand.DefaultSets)}); none at {missing}.");
            return CliApp.ExitUsage;
        }
        var items = paths.SelectMany(EvalScorer.LoadQuestions).DistinctBy(i => i.Question).ToList();
        int queries = Math.Min(int.TryParse(args.Value("--queries"), out var q) ? q : 300, items.Count);
        using var process = Process.GetCurrentProcess();

        output.WriteLine($"musebot bench — {items.Count} distinct questions from {string.Join(", ", paths.Select(Path.GetFileName))}; " +
                         $"encoders: {Encoders(configured)}");

        // 1. The first answer from an engine opened on a built index: what a restarted host pays, which opens the
        // engine and warms it up before it listens
        using (MuseBotEngine.Open(configured, loggerFactory)) { } // make sure the configured index is built first
        var watch = Stopwatch.StartNew();
        var engine = MuseBotEngine.Open(configured, loggerFactory);
        var open = watch.Elapsed;
        engine.Extractive.WarmUp();
        var warm = watch.Elapsed;
        var answerer = new SafeAnswerer(engine.Answers, logger);
        await answerer.AnswerAsync(items[0].Question, ct);
        watch.Stop();
        output.WriteLine(Line("first answer (index built)",
            $"{Ms(watch.Elapsed)} (open {Ms(open)}, warm-up {Ms(warm - open)}: the models, and the reading code on the example questions, then the answer {Ms(watch.Elapsed - warm)})", "≤ 2,000 ms"));

        // 2. Warm latency over distinct questions, and each stage's share of it (the engine's stage durations,
        // summed per question: a question of several parts runs a stage once per part)
        var latencies = new double[queries];
        using var stages = new StageTimes();
        var total = Stopwatch.StartNew();
        for (int i = 0; i < queries; i++)
        {
            ct.ThrowIfCancellationRequested();
            var one = Stopwatch.StartNew();
            await answerer.AnswerAsync(items[(i + 1) % items.Count].Question, ct);
            latencies[i] = one.Elapsed.TotalMilliseconds;
            stages.EndQuestion();
        }
        total.Stop();
        Array.Sort(latencies);
        output.WriteLine(Line("warm answer latency", string.Create(CultureInfo.InvariantCulture,
            $"p50 {Pct(latencies, 50):F1} ms, p95 {Pct(latencies, 95):F1} ms, p99 {Pct(latencies, 99):F1} ms, max {latencies[^1]:F1} ms over {queries}"), "p95 ≤ 25 ms"));
        foreach (var (stage, times) in stages.PerQuestion())
            output.WriteLine(Line($"  stage {stage}", string.Create(CultureInfo.InvariantCulture, $"p50 {Pct(times, 50):F1} ms, p95 {Pct(times, 95):F1} ms, mean {times.Average():F1} ms"), ""));
        output.WriteLine(Line("throughput (1 thread)", $"{(queries / total.Elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture)} questions/s", ""));
        process.Refresh();
        output.WriteLine(Line("peak working set, answering", Mb(process.PeakWorkingSet64) + " (every model loaded)", "≤ 700 MB"));
        output.WriteLine(Line("GC heap after full collection", Mb(GC.GetTotalMemory(forceFullCollection: true)), ""));

        var temp = Path.Combine(Path.GetTempPath(), "musebot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // 3. Quality with the encoders and with BM25 alone, on the dev set.
            var dev = EvalScorer.LoadQuestions(paths[0]);
            output.WriteLine($"answer quality on {Path.GetFileName(paths[0])}:");
            foreach (var semantic in new[] { true, false })
            {
                var options = With(configured, Path.Combine(temp, semantic ? "index-encoders" : "index-bm25"), semantic);
                using var qualityEngine = semantic ? null : MuseBotEngine.Open(options, loggerFactory);
                var lines = await EvalCommand.AnswerAllAsync(new SafeAnswerer((qualityEngine ?? engine).Answers, logger), dev, ct);
                var report = EvalScorer.Score(dev, EvalScorer.LoadAnswers(lines, context.Stderr));
                output.WriteLine($"  {(semantic ? "BM25 + encoders" : "BM25 only"),-18} answer_accuracy {Value(report["answer_accuracy"])}, " +
                                 $"abstain_recall {Value(report["abstain_recall"])}, false_abstain {Value(report["false_abstain_rate"])}, " +
                                 $"flag_recall {Value(report["flag_recall"])}, items {report.Right} right / {report.Wrong} wrong");
            }

            // 4. A forced build of the index with every encoder, in a folder of its own, after the answering engine is
            // gone (a host builds before it answers, not while). The collection is aggressive so that the heap the
            // engine left is given back to the system, as it is to a host that starts fresh to build: a plain one keeps
            // it committed, and the build's peak was then the engine's leftovers as much as the build's own
            engine.Dispose();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            watch.Restart();
            using (var built = MuseBotEngine.Open(With(configured, Path.Combine(temp, "index-build"), configured.SemanticSearch), loggerFactory, forceRebuild: true))
            {
                watch.Stop();
                output.WriteLine(Line("index build (forced)", $"{Ms(watch.Elapsed)} ({built.Index.Stats.Passages} answer units; build step {Ms(built.Index.Stats.BuildTime)})", "≤ 10,000 ms"));
            }
            process.Refresh();
            output.WriteLine(Line("peak working set, whole run", Mb(process.PeakWorkingSet64) + " (index builds included)", "≤ 700 MB"));
            return CliApp.ExitOk;
        }
        finally
        {
            engine.Dispose();
            try { Directory.Delete(temp, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }

    /// <summary>The engine's stage durations (<see cref="MuseBotTelemetry.StageDuration"/>), summed per question.</summary>
    private sealed class StageTimes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, double> _current = [];
        private readonly Dictionary<string, List<double>> _done = [];
        private int _questions;

        public StageTimes()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument == MuseBotTelemetry.StageDuration) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag is { Key: "stage", Value: string stage })
                        lock (_current) _current[stage] = _current.GetValueOrDefault(stage) + seconds * 1000;
            });
            _listener.Start();
        }

        public void EndQuestion()
        {
            lock (_current)
            {
                foreach (var (stage, ms) in _current)
                {
                    if (!_done.TryGetValue(stage, out var list)) _done[stage] = list = [.. Enumerable.Repeat(0.0, _questions)];
                    list.Add(ms);
                }
                _questions++;
                // a stage this question did not run took no time in it
                foreach (var list in _done.Values.Where(l => l.Count < _questions)) list.Add(0);
                _current.Clear();
            }
        }

        /// <summary>Each stage's per-question times, sorted, in the order stages first ran.</summary>
        public IEnumerable<(string Stage, double[] Times)> PerQuestion() =>
            _done.Select(kv => (kv.Key, kv.Value.Order().ToArray()));

        public void Dispose() => _listener.Dispose();
    }

    private static MuseBotOptions With(MuseBotOptions configured, string indexPath, bool semantic) => new()
    {
        SeedsPath = configured.SeedsPath,
        IndexPath = indexPath,
        DataPath = configured.DataPath,
        SemanticSearch = semantic,
        RetrievalModel = configured.RetrievalModel,
        AlignmentModel = configured.AlignmentModel,
        ModelsPath = configured.ModelsPath ?? Path.Combine(configured.IndexPath, "models"), // unpacked once, shared
    };

    private static string Encoders(MuseBotOptions options) =>
        options.EncoderModels() is { Count: > 0 } models ? string.Join(" + ", models.Select(m => m.Name)) : "none (BM25 alone)";

    private static string Line(string what, string measured, string target) =>
        target.Length == 0 ? $"{what,-30} {measured}" : $"{what,-30} {measured}   [target {target}]";

    private static double Pct(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MB";
    private static string Value(EvalMetric m) => m.Value is { } v ? EvalScorer.FormatFixed3(v) : "n/a";
}
