using System.Text;
using MuseBot.Contracts;
using MuseBot.Core.Commands;
using MuseBot.Core.Conversation;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>How the engine reached an answer, stage by stage: for `eval --by-kind`, `explain` and `tune`.</summary>
/// <param name="Question">How the question was read; null when the input guard answered.</param>
/// <param name="Ranked">Every unit, best fused first (retrieval).</param>
/// <param name="Scored">The reranked candidates with their probability of answering, most likely first.</param>
/// <param name="Answerability">The best candidate's probability; the engine answers at or above the model's threshold.</param>
public sealed record AnswerTrace(Answer Answer, QuestionFrame? Question, IReadOnlyList<Candidate> Ranked, IReadOnlyList<Scored> Scored, double Answerability);

/// <summary>
/// Answers from the note's own words, with no network. A coordinator over the stages: read the question, retrieve
/// units (BM25 + dense + late interaction), score each candidate's probability of answering with the fitted
/// answerability model, decide to answer or refuse, select the evidence, compose the reply.
/// </summary>
public sealed class ExtractiveAnswerEngine : IAnswerEngine
{
    private readonly QuestionReader _reader;
    private readonly Retriever _retriever;
    private readonly EvidenceSelector _selector;
    private readonly AnswerComposer _composer;
    private readonly AnswerabilityModel? _model;
    private readonly Func<string, bool> _noteHas;
    private readonly IReadOnlyList<string> _examples;

    public ExtractiveAnswerEngine(NoteIndex index, EngineConfiguration configuration, EngineTuning? tuning = null)
    {
        Tuning = tuning ?? EngineTuning.Default;
        Configuration = configuration;
        var note = index.Model;
        var aligner = new Aligner(index, configuration.AlignmentModel, Tuning);
        _reader = new QuestionReader(note, index.Vocabulary);
        _retriever = new Retriever(index, aligner, configuration.RetrievalModel, configuration.AlignmentModel);
        _selector = new EvidenceSelector(note, Tuning);
        _composer = new AnswerComposer(note, Tuning);
        _model = Tuning.Answerability.GetValueOrDefault(configuration.Name);
        _noteHas = index.Model.InNote;
        _examples = index.Document.ExampleQuestions;
    }

    public EngineTuning Tuning { get; }
    public EngineConfiguration Configuration { get; }

    /// <summary>The answerability probability at and above which the engine answers (null before `tune`).</summary>
    public double? Threshold => _model?.Threshold;

    /// <summary>Retrieval over the units, for answerers that compose their own reply.</summary>
    public IPassageSearch Search => _retriever;

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Trace(question).Answer);
    }

    /// <param name="alwaysAnswer">Compose the answer even when the model would refuse (for `tune`, which chooses
    /// the threshold by grading both).</param>
    public AnswerTrace Trace(Question question, bool alwaysAnswer = false)
    {
        var asked = question.Text ?? "";
        if (Guard(asked) is { } refusal) return new AnswerTrace(refusal, null, [], [], 0);

        var q = _reader.Read(asked, question.PreviousQuestion);
        if (!q.Content.Any())
            return new AnswerTrace(Refuse(asked, "I didn't catch a question about the note there." + (_examples.Count > 0 ? $" Try one like: *{_examples[^1]}*" : "")), q, [], [], 0);

        if (q.AsksSummary) return new AnswerTrace(_composer.Summary(q), q, [], [], 1);

        var ranked = _retriever.Rank(q, _retriever.Encode(q));
        var model = _model ?? throw new InvalidOperationException(
            $"tuning.json has no answerability model for the '{Configuration.Name}' configuration: run `musebot tune`.");
        var candidates = Score(q, ranked).ToList();
        var ranking = model.Rank(q, candidates.Select(c => c.Features).ToList());
        var scored = ranking.Order.Select(i => new Scored(candidates[i].Candidate, ranking.Shares[i], ranking.Scores[i], candidates[i].Features)).ToList();
        var best = scored[0];
        double answerable = ranking.Answerable;
        // "does the note give X?" where the nearest the note comes leaves X unmet: it gives no X
        bool noSuchThing = q.Type == AnswerType.YesNo && q.AsksExistence && _composer.UnmetShare(q, best) >= Tuning.NotSaidUnmet;
        var answer = (answerable < model.Threshold || noSuchThing) && !alwaysAnswer
            ? _composer.NotInNote(q, best)
            : _composer.Compose(q, _selector.Select(q, scored));
        return new AnswerTrace(answer, q, ranked, scored, answerable);
    }

    /// <summary>The answerability features of the best-fused candidates, for scoring here and for fitting in `tune`.</summary>
    public IEnumerable<(Candidate Candidate, double[] Features)> Score(QuestionFrame q, IReadOnlyList<Candidate> ranked) =>
        ranked.Take(Tuning.Candidates).Select(c => (c, AnswerabilityFeatures.Of(q, c, Tuning, _noteHas)));

    /// <summary>Reads a question without answering it, for `tune`.</summary>
    public (QuestionFrame Question, List<Candidate> Ranked) Retrieve(Question question)
    {
        var q = _reader.Read(question.Text ?? "", question.PreviousQuestion);
        return (q, _retriever.Rank(q, _retriever.Encode(q)));
    }

    /// <summary>How the engine read a question and ranked units, for the note's maintainers (`musebot explain`).</summary>
    public string Explain(string question, int top = 15)
    {
        var trace = Trace(new Question(question));
        var sb = new StringBuilder();
        if (trace.Question is { } q) sb.Append($"read: {q}\n");
        sb.Append($"answerability: {trace.Answerability:F3} (threshold {_model?.Threshold:F3}) → {(trace.Answer.Abstained ? "refuse" : "answer")}\n");
        sb.Append("candidates (probability · fused rank · features):\n");
        foreach (var s in trace.Scored.Take(top))
        {
            var features = string.Join(" ", AnswerabilityFeatures.Names.Select((n, i) => $"{n}={s.Features[i]:F2}"));
            var text = s.Unit.Text.Length > 90 ? s.Unit.Text[..90] + "…" : s.Unit.Text;
            sb.Append($"  {s.Probability:F3} #{s.Candidate.Rank} {s.Unit.Id} {text}\n      {features}\n");
        }
        sb.Append("\nanswer:\n").Append(trace.Answer.Text).Append('\n');
        return sb.ToString();
    }

    /// <summary>Empty, oversized, symbol-only and non-English input gets the guard's friendly reply before any
    /// search: the same guard and wording every channel's turn applies first.</summary>
    private Answer? Guard(string asked) =>
        QuestionGuard.Refusal(QuestionGuard.Clean(asked), _examples) is { } message ? Refuse(asked, message) : null;

    private static Answer Refuse(string asked, string message) => new(asked, message, true, [], []);
}

/// <summary>Which models the engine retrieves and aligns with; named, so that its fitted answerability model can be found.</summary>
/// <param name="RetrievalModel">Pooled query→passage vectors for dense retrieval; null for none.</param>
/// <param name="AlignmentModel">Per-word contextual vectors for late interaction; null for none (exact terms only).</param>
public sealed record EngineConfiguration(EncoderModel? RetrievalModel, EncoderModel? AlignmentModel)
{
    /// <summary>"semantic" with any encoder, "lexical" without: each has its own fitted model.</summary>
    public string Name => RetrievalModel is null && AlignmentModel is null ? "lexical" : $"semantic:{RetrievalModel?.Name ?? "none"}+{AlignmentModel?.Name ?? "none"}";

    public IReadOnlyList<EncoderModel> Models => new[] { RetrievalModel, AlignmentModel }.OfType<EncoderModel>().Distinct().ToList();
}
