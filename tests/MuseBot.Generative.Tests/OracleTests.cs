using System.Diagnostics;
using System.Globalization;
using MuseBot.Contracts;
using MuseBot.Core;
using MuseBot.Evaluation;
using Xunit.Abstractions;

namespace MuseBot.Generative.Tests;

/// <summary>The engine as it runs in production (semantic retrieval), built once for the oracle tests.</summary>
public sealed class SemanticNoteFixture : IDisposable
{
    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "musebot-gen-oracle-" + Guid.NewGuid().ToString("N"));

    public SemanticNoteFixture()
    {
        RepoRoot = RepositoryRoot.Require(AppContext.BaseDirectory);
        Engine = MuseBotEngine.Open(new MuseBotOptions
        {
            SeedsPath = Path.Combine(RepoRoot, "seeds"),
            IndexPath = _indexPath,
            DataPath = Path.Combine(_indexPath, "data"),
        });
    }

    public string RepoRoot { get; }
    public MuseBotEngine Engine { get; }

    public bool Negated(string id) => Engine.Index.Model.Units.Any(u => u.Negated && (u.Id == id || u.Passage.ParentId == id));

    public void Dispose()
    {
        Engine.Dispose();
        try { Directory.Delete(_indexPath, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SemanticNoteCollection : ICollectionFixture<SemanticNoteFixture>
{
    public const string Name = "semantic note";
}

/// <summary>
/// A perfect reader in place of the model (<see cref="OracleReader"/>, in the fake Azure OpenAI on 127.0.0.1),
/// through the real <see cref="GenerativeAnswerEngine"/> with its grounding validator: whether what the model
/// receives, and what the validator lets through, can carry a right answer. Dev and validation sets.
/// </summary>
[Collection(SemanticNoteCollection.Name)]
[Trait("Category", "Slow")] // every dev and validation question through the engine and the validator
public sealed class OracleTests(SemanticNoteFixture note, ITestOutputHelper output) : IAsyncLifetime
{
    private FakeAzureOpenAI _fake = null!;
    private readonly ListLoggerProvider _logs = new();

    public async Task InitializeAsync() => _fake = await FakeAzureOpenAI.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private IReadOnlyList<EvalItem> Items(params string[] sets) =>
        sets.SelectMany(s => EvalScorer.LoadQuestions(Path.Combine(note.RepoRoot, "tests", "eval", s + ".json"))).ToList();

    private GenerativeAnswerEngine NewEngine() =>
        GenerativeAnswerEngine.Create(new AzureOpenAIAnswerOptions { Endpoint = _fake.Endpoint, Deployment = FakeAzureOpenAI.Deployment, ApiKey = FakeAzureOpenAI.ApiKey, TimeoutSeconds = 30 },
            note.Engine.Answers, note.Engine.Search, TestSupport.Logging(_logs));

    private static EvalAnswer ToEval(Answer a) => new(a.Question, a.Text, a.Abstained,
        a.Citations.Select(c => EvalScorer.SectionId(c.Section)).ToList(), a.Citations.Select(c => c.Section).ToList(),
        a.Flags.Count > 0, a.Flags.Select(f => f.Reason).ToList());

    private async Task<(EvalReport Report, List<Answer> Answers)> RunAsync(IReadOnlyList<EvalItem> items)
    {
        using var engine = NewEngine();
        var answers = new List<Answer>();
        foreach (var item in items)
            answers.Add(await engine.AnswerAsync(new Question(item.Question, item.Previous)));
        var byQuestion = answers.Zip(items).ToDictionary(x => EvalScorer.QuestionKey(x.Second.Question), x => ToEval(x.First));
        return (EvalScorer.Score(items, byQuestion), answers);
    }

    [Theory]
    [InlineData("dev", 1.00, 0.00)]
    // validation: the passages sent with the question hold the gold for 0.911 of its answerable questions, and with the
    // second look before a refusal for all of them (`eval --context`); measured 0.992 / 0.000, asserted at the issue's bar
    [InlineData("validation", 0.95, 0.05)]
    public async Task A_perfect_reader_answers_what_the_passages_sent_hold(string set, double minAccuracy, double maxFalseRefusals)
    {
        var items = Items(set);
        _fake.Oracle = new OracleReader(items, note.Negated);

        var (report, answers) = await RunAsync(items);

        var accuracy = report["answer_accuracy"].Value!.Value;
        var falseRefusals = report["false_abstain_rate"].Value!.Value;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set}: answer_accuracy {accuracy:F3}, false_abstain_rate {falseRefusals:F3}, abstain_recall {report["abstain_recall"].Value:F3}, " +
            $"citation_hit {report["citation_hit"].Value:F3}, flag_recall {report["flag_recall"].Value:F3}, false_flag_rate {report["false_flag_rate"].Value:F3}; " +
            $"paths: {string.Join(", ", answers.GroupBy(a => (a.Source, a.Model?.Outcome)).Select(g => $"{g.Key.Source}/{g.Key.Outcome ?? "-"} {g.Count()}"))}"));
        foreach (var (item, grade, _) in report.Results.Where(r => !r.Item.ExpectAbstain && !r.Grade.Correct))
            output.WriteLine($"  wrong {item.Id} [{item.Kind}] {item.Question}: {grade}");

        // the validator let every oracle reply through: a right answer is never lost to the check
        Assert.DoesNotContain(answers, a => a.Model?.Outcome == "Rejected");
        Assert.True(accuracy >= minAccuracy, $"answer_accuracy {accuracy:F3} < {minAccuracy}");
        Assert.True(falseRefusals <= maxFalseRefusals, $"false_abstain_rate {falseRefusals:F3} > {maxFalseRefusals}");
        // the perfect reader refuses every absent question, after its second look; the overrule rule applies only to a
        // refusal made without one, so none of them is answered
        var absentAnswered = report.Results.Count(r => r.Item.ExpectAbstain && r.Answer is { Abstained: false });
        output.WriteLine($"  absent questions answered: {absentAnswered}");
        Assert.Equal(0, absentAnswered);
    }

    [Fact]
    public async Task Tokens_and_latency_per_question_on_dev_with_a_realistic_model_delay()
    {
        var items = Items("dev");
        _fake.Oracle = new OracleReader(items, note.Negated);
        _fake.OracleLatency = FakeAzureOpenAI.RealisticLatency;
        using var engine = NewEngine();

        var added = new List<double>();
        var calls = new List<ModelCall>();
        foreach (var item in items)
        {
            var question = new Question(item.Question, item.Previous);
            var clock = Stopwatch.StartNew();
            await note.Engine.Answers.AnswerAsync(question);
            var extractive = clock.Elapsed;
            clock.Restart();
            var answer = await engine.AnswerAsync(question);
            added.Add((clock.Elapsed - extractive).TotalMilliseconds);
            calls.Add(answer.Model!);
        }

        static double Percentile(IEnumerable<double> values, double p)
        {
            var sorted = values.Order().ToList();
            return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        }
        var refusals = calls.Select((c, i) => (c, i)).Where(x => x.c.Outcome == "Abstained").ToList();
        var refusalLine = refusals.Count == 0 ? "no refusals" : string.Create(CultureInfo.InvariantCulture,
            $"{refusals.Count} refusals (two requests each): prompt tokens median {Percentile(refusals.Select(x => (double)x.c.PromptTokens), 0.5):F0}, latency added p50 {Percentile(refusals.Select(x => added[x.i]), 0.5):F0} ms, max {refusals.Max(x => added[x.i]):F0} ms");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"dev ({items.Count}): prompt tokens median {Percentile(calls.Select(c => (double)c.PromptTokens), 0.5):F0}, completion tokens median {Percentile(calls.Select(c => (double)c.CompletionTokens), 0.5):F0}; " +
            $"latency added by the model p50 {Percentile(added, 0.5):F0} ms, p95 {Percentile(added, 0.95):F0} ms; {refusalLine}");
        output.WriteLine(line);
        // one request for an answer; a refusal (the absent questions) takes a second look at the rest of the note
        Assert.All(calls, c => Assert.True(c.PromptTokens > 0 && c.Requests == (c.Outcome == "Abstained" ? 2 : 1), $"{c.Outcome}: {c.Requests} requests"));
        Assert.InRange(Percentile(added, 0.95), 450, 8000);
    }
}
