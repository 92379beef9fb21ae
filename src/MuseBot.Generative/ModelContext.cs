using MuseBot.Contracts;
using MuseBot.Core.Answering;
using MuseBot.Core.Note;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Generative;

/// <summary>
/// The extractive engine's reading of one question, as the generative engine uses it: a hint (its best passages,
/// which go to the model first) and the fallback (its answer), never a gate.
/// </summary>
/// <param name="Answer">The extractive answer: sent when the model fails, and under the refusal rule below.</param>
/// <param name="Passages">The note's units for this question, best first: the extractive answer's own, then the
/// rest as its answerability model reranked them, then as retrieval fused them.</param>
/// <param name="Answerability">The extractive engine's probability that the note answers (null from an engine that gives none).</param>
/// <param name="Threshold">The probability at and above which the extractive engine answers (null from an engine that gives none).</param>
/// <param name="Askable">False for input the guard turned away before any search (empty, not English, no question
/// words): the model is not asked about that.</param>
public sealed record ExtractiveHint(Answer Answer, IReadOnlyList<RetrievedPassage> Passages, double? Answerability, double? Threshold, bool Askable)
{
    /// <summary>
    /// Whether the extractive answer is confident enough to stand against the model's NOT_IN_NOTE: it answered, and
    /// its answerability is at least <paramref name="margin"/> above the engine's own threshold (an engine that gives
    /// no probability is never confident enough to overrule the model).
    /// </summary>
    public bool ConfidentBy(double margin) =>
        !Answer.Abstained && Answerability is { } p && Threshold is { } t && p >= t + margin;
}

/// <summary>
/// Chooses what the model reads for a question: the extractive engine's hint first, then the best of the rest, up to
/// the passage budget (<see cref="AzureOpenAIAnswerOptions.InitialPassages"/> passages, at most
/// <see cref="AzureOpenAIAnswerOptions.InitialCharacters"/> characters). The same choice is what `musebot eval
/// --context` measures, so the recall it prints is the recall the model gets.
/// </summary>
public sealed class ModelContext(IAnswerEngine extractive, IPassageSearch search, AzureOpenAIAnswerOptions options)
{
    /// <summary>Reads the question with the extractive engine: its answer and its ranking of the note's units.</summary>
    public async Task<ExtractiveHint> HintAsync(Question question, CancellationToken cancellationToken)
    {
        if (extractive is ExtractiveAnswerEngine engine)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trace = engine.Trace(question);
            if (trace.Question is null)
                return new ExtractiveHint(trace.Answer, [], trace.Answerability, engine.Threshold, Askable: false);
            if (trace.Ranked.Count == 0)
            {
                // a summary, which the extractive engine composes without ranking: retrieval's order
                var found = search.Search(question.Text, options.InitialPassages * 3);
                return new ExtractiveHint(trace.Answer, found, trace.Answerability, engine.Threshold, Askable: found.Count > 0);
            }
            var cited = trace.Answer.Citations.ToHashSet();
            var units = trace.Scored.Select(s => s.Unit).Where(u => cited.Contains(u.Passage.ToCitation()))
                .Concat(trace.Scored.Select(s => s.Unit))
                .Concat(trace.Ranked.Select(c => c.Unit))
                .DistinctBy(u => u.Id)
                .ToList();
            var passages = AsSent(units, ((Retriever)engine.Search).Index);
            return new ExtractiveHint(trace.Answer, passages.Select((p, i) => new RetrievedPassage(p.Id, p.ToCitation(), 1.0 / (1 + i))).ToList(),
                trace.Answerability, engine.Threshold, Askable: true);
        }

        // Another answerer (tests, a future engine): its citations first, then retrieval's order.
        var answer = await extractive.AnswerAsync(question, cancellationToken).ConfigureAwait(false);
        var hits = search.Search(question.Text, options.InitialPassages * 3).ToList();
        if (!string.IsNullOrWhiteSpace(question.PreviousQuestion))
            hits.AddRange(search.Search($"{question.PreviousQuestion} {question.Text}", options.InitialPassages));
        var ordered = hits.OrderBy(h => answer.Citations.Contains(h.Citation) ? 0 : 1).DistinctBy(h => h.Id).ToList();
        return new ExtractiveHint(answer, ordered, null, null, Askable: true);
    }

    /// <summary>The passages the model receives with the question, within the budget; its searches add to the same set.</summary>
    public SentPassages Initial(ExtractiveHint hint)
    {
        var sent = new SentPassages(options.MaxPassages, options.MaxPassageCharacters);
        sent.Take(hint.Passages, options.InitialPassages, options.InitialCharacters);
        return sent;
    }

    /// <summary>
    /// What a second look before a refusal reads (<see cref="AzureOpenAIAnswerOptions.SecondLookCharacters"/>): the
    /// hint's passages in its order, then every paragraph and table row of the note in the note's order, so that
    /// within the budget nothing the ranking missed is left out. The caller skips those already sent.
    /// </summary>
    public IEnumerable<RetrievedPassage> Rest(ExtractiveHint hint)
    {
        IEnumerable<RetrievedPassage> rest = hint.Passages;
        if (extractive is ExtractiveAnswerEngine engine)
        {
            // the same for every question: listed once (a race lists it twice, the same both times)
            var index = ((Retriever)engine.Search).Index;
            _wholeNote ??= AsSent(index.Model.Units, index).Select(p => new RetrievedPassage(p.Id, p.ToCitation(), 0)).ToList();
            rest = rest.Concat(_wholeNote);
        }
        return rest.DistinctBy(p => p.Id);
    }

    private List<RetrievedPassage>? _wholeNote;

    /// <summary>The units as the model is sent them: in their paragraphs, or alone (<see cref="AzureOpenAIAnswerOptions.Paragraphs"/>).</summary>
    private List<Passage> AsSent(IEnumerable<NoteUnit> units, NoteIndex index) =>
        options.Paragraphs ? Paragraphs(units, index) : units.Select(u => u.Passage).ToList();

    /// <summary>
    /// Each unit in its paragraph, in the units' order: a sentence brings the whole paragraph it stands in (once,
    /// where its best sentence ranks; its other sentences are then not sent again); a table row or a paragraph of
    /// one sentence stays as it is.
    /// </summary>
    private static List<Passage> Paragraphs(IEnumerable<NoteUnit> units, NoteIndex index)
    {
        var result = new List<Passage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var p = unit.Passage;
            var passage = p.Kind == PassageKind.Sentence && p.ParentId is { } parent && index.TryGet(parent, out var paragraph) && paragraph.Kind == PassageKind.Paragraph
                ? paragraph : p;
            if (seen.Add(passage.Id)) result.Add(passage);
        }
        return result;
    }

    /// <summary>The note's flags on a passage sent: a paragraph carries those of its sentences.</summary>
    public IReadOnlyList<ConfidenceFlag> FlagsFor(string passageId)
    {
        var own = search.FlagsFor(passageId);
        if (own.Count > 0 || extractive is not ExtractiveAnswerEngine engine) return own;
        var index = ((Retriever)engine.Search).Index;
        return index.Model.Units.Where(u => u.Passage.ParentId == passageId && u.Passage.Kind == PassageKind.Sentence)
            .SelectMany(u => search.FlagsFor(u.Id)).ToList();
    }
}
