using MuseBot.Contracts;
using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>A unit retrieved for a question, with the evidence from each retrieval signal.</summary>
/// <param name="Dense">Cosine of the question and the unit in the retrieval model (0 without one).</param>
/// <param name="Late">Late-interaction coverage: the weighted share of the question's content the unit meets.</param>
/// <param name="Bm25">BM25 score.</param>
/// <param name="Fused">Sum of the three signals' z-scores over all units: each signal counts by how far it sets
/// this unit apart from the rest, whatever its scale.</param>
/// <param name="Context">Cosine of the question and the unit's paragraph (or its table) in the retrieval model.</param>
/// <param name="Second">The same two cosines in the alignment model, when it is another model: a second opinion.</param>
public sealed record Candidate(NoteUnit Unit, WordMatch[] Matches, double Dense, double Late, double Bm25, double DenseZ, double LateZ, double Bm25Z, double Fused, double Context,
    double Second = 0, double SecondContext = 0)
{
    public int Rank { get; init; }
}

/// <summary>
/// Retrieval: every unit scored by BM25, by dense similarity in the retrieval model, and by late interaction with
/// the alignment model's word vectors; fused by z-score. The note is small enough to score every unit exactly.
/// </summary>
public sealed class Retriever(NoteIndex index, Aligner aligner, EncoderModel? retrievalModel, EncoderModel? alignmentModel) : IPassageSearch
{
    private readonly UnitVectors[]? _dense = index.Vectors(retrievalModel);
    private readonly UnitVectors[]? _second = alignmentModel != retrievalModel ? index.Vectors(alignmentModel) : null;

    public NoteIndex Index => index;

    /// <summary>The question encoded by the configured models (each model runs once).</summary>
    public QuestionEncoding Encode(QuestionFrame q)
    {
        bool denseWanted = _dense is not null, wordsWanted = aligner.Soft;
        if (denseWanted && wordsWanted && alignmentModel != retrievalModel)
        {
            // two models, two cores: the encodings take the time of one
            var words = Task.Run(() => index.Encoder(alignmentModel)!.EncodeQuery(q.Text));
            var dense = index.Encoder(retrievalModel)!.EncodeQuery(q.Text);
            return new QuestionEncoding(dense, words.GetAwaiter().GetResult());
        }
        var one = denseWanted ? index.Encoder(retrievalModel)!.EncodeQuery(q.Text) : null;
        return new QuestionEncoding(one, wordsWanted ? one ?? index.Encoder(alignmentModel)!.EncodeQuery(q.Text) : null);
    }

    /// <summary>All units, best first.</summary>
    public List<Candidate> Rank(QuestionFrame q, QuestionEncoding encoding)
    {
        var units = index.Model.Units;
        int n = units.Count;
        var bm25 = index.Bm25(q.Text);
        var dense = new double[n];
        var context = new double[n];
        var second = new double[n];
        var secondContext = new double[n];
        var late = new double[n];
        var matches = aligner.AlignAll(q, encoding);
        for (int u = 0; u < n; u++)
        {
            if (_dense is not null && encoding.Dense is not null)
            {
                dense[u] = TextEncoder.Dot(encoding.Dense.Vector, _dense[u].Vector);
                context[u] = TextEncoder.Dot(encoding.Dense.Vector, _dense[u].Context);
            }
            if (_second is not null && encoding.Words is not null)
            {
                second[u] = TextEncoder.Dot(encoding.Words.Vector, _second[u].Vector);
                secondContext[u] = TextEncoder.Dot(encoding.Words.Vector, _second[u].Context);
            }
            late[u] = Aligner.Coverage(q, matches[u]);
        }
        var dz = ZScores(dense);
        var lz = ZScores(late);
        var bz = ZScores(bm25);
        var ranked = Enumerable.Range(0, n)
            .Select(u => new Candidate(units[u], matches[u], dense[u], late[u], bm25[u], dz[u], lz[u], bz[u], dz[u] + lz[u] + bz[u], context[u], second[u], secondContext[u]))
            .OrderByDescending(c => c.Fused).ThenBy(c => c.Unit.Index).ToList();
        for (int i = 0; i < ranked.Count; i++) ranked[i] = ranked[i] with { Rank = i };
        return ranked;
    }

    private static double[] ZScores(double[] values)
    {
        var z = new double[values.Length];
        if (values.Length == 0) return z;
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        if (sd < 1e-9) return z;
        for (int i = 0; i < values.Length; i++) z[i] = (values[i] - mean) / sd;
        return z;
    }

    // ---- IPassageSearch, for answerers that compose their own reply ----

    private QuestionReader? _reader;

    public IReadOnlyList<RetrievedPassage> Search(string query, int limit)
    {
        if (string.IsNullOrWhiteSpace(query) || limit <= 0) return [];
        _reader ??= new QuestionReader(index.Model, index.Vocabulary);
        var q = _reader.Read(query);
        return Rank(q, Encode(q)).Take(limit).Select(c => new RetrievedPassage(c.Unit.Id, c.Unit.Passage.ToCitation(), c.Fused)).ToList();
    }

    public IReadOnlyList<ConfidenceFlag> FlagsFor(string passageId) => index.Model.Hedges.For(passageId);
}
