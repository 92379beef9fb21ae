using MuseBot.Core.Retrieval;
using MuseBot.Core.Understanding;

namespace MuseBot.Core.Answering;

/// <summary>How well one question word is met by a unit, and where.</summary>
/// <param name="Score">1 for the same word (any form), a little less for a word the unit answers for without
/// saying it (its section title, its table's headers), else the best contextual similarity to one of its words.</param>
/// <param name="Offset">Where in the unit's text the best match is; -1 when it comes from the context.</param>
public readonly record struct WordMatch(double Score, int Offset, bool Exact);

/// <summary>A question encoded by the engine's models.</summary>
/// <param name="Dense">The retrieval model's encoding (pooled vector).</param>
/// <param name="Words">The alignment model's encoding (per-word contextual vectors).</param>
public sealed record QuestionEncoding(EncodedText? Dense, EncodedText? Words)
{
    public static QuestionEncoding None { get; } = new(null, null);
}

/// <summary>
/// Soft term alignment (late interaction): each content word of the question is aligned to its best match in a
/// unit, by term identity first and otherwise by the similarity of contextual word vectors (MaxSim). Coverage is
/// the weighted share of the question a unit meets; the words left unmet make a refusal specific.
/// </summary>
public sealed class Aligner(NoteIndex index, EncoderModel? alignmentModel, EngineTuning tuning)
{
    private readonly UnitVectors[]? _vectors = index.Vectors(alignmentModel);

    public bool Soft => _vectors is not null;

    /// <summary>Per focus word of <paramref name="q"/>, its match in <paramref name="unit"/>.</summary>
    public WordMatch[] Align(QuestionFrame q, QuestionEncoding encoding, NoteUnit unit)
    {
        var result = new WordMatch[q.Focus.Count];
        var vectors = _vectors?[unit.Index];
        var words = encoding.Words;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var f = q.Focus[i];
            var exact = ExactOffset(f, unit);
            if (exact >= 0)
            {
                result[i] = new WordMatch(1, exact, true);
                continue;
            }
            if (IsAliasOfUnitPeer(f, unit))
            {
                result[i] = new WordMatch(1, -1, true);
                continue;
            }
            double best = f.Terms.All(unit.ContextTerms.Contains) ? tuning.ContextMatch : 0;
            int offset = -1;
            if (vectors is not null && words is not null && IndexOf(words, f.Start) is var w and >= 0)
            {
                var qv = words.WordVectors[w];
                for (int j = 0; j < vectors.WordVectors.Length; j++)
                {
                    double s = TextEncoder.Dot(qv, vectors.WordVectors[j]);
                    if (s > best) { best = s; offset = vectors.Starts[j]; }
                }
            }
            result[i] = new WordMatch(Math.Max(0, best), offset, false);
        }
        return result;
    }

    /// <summary>The weighted share of the question's content a unit meets (soft).</summary>
    public static double Coverage(QuestionFrame q, WordMatch[] matches, Func<FocusWord, bool>? only = null)
    {
        double total = 0, met = 0;
        for (int i = 0; i < q.Focus.Count; i++)
        {
            var f = q.Focus[i];
            if (f.IsFrame || (only is not null && !only(f))) continue;
            total += f.Weight;
            met += f.Weight * matches[i].Score;
        }
        return total > 0 ? met / total : 0;
    }

    /// <summary>The offset of a word of the unit that is the focus word in some form, or -1.</summary>
    private static int ExactOffset(FocusWord f, NoteUnit unit)
    {
        if (!f.Terms.All(t => unit.Terms.Contains(t) || unit.Terms.Any(u => Terms.NearStem(t, u)))) return -1;
        // the same word first ("GadgetEval-Max" is not the "Max" of "Zeta 3 Max"), then one that shares a term
        foreach (var w in unit.Words)
            if (w.Terms.Count > 0 && f.Terms.All(t => w.Terms.Any(u => u == t || Terms.NearStem(t, u)))) return w.Start;
        foreach (var w in unit.Words)
            if (w.Terms.Count > 0 && f.Terms.Any(t => w.Terms.Any(u => u == t || Terms.NearStem(t, u)))) return w.Start;
        return 0;
    }

    /// <summary>A maker named in a question ("Acme Inc") meets a unit about its product ("Acme Widget") when the note ties the two together.</summary>
    private static bool IsAliasOfUnitPeer(FocusWord f, NoteUnit unit) =>
        unit.Peers.Any(p => p.Aliases.Contains(f.Word.ToLowerInvariant().TrimEnd('?', '.', '!').Replace("’s", "").Replace("'s", "")));

    private static int IndexOf(EncodedText e, int start)
    {
        for (int i = 0; i < e.WordStarts.Count; i++)
            if (e.WordStarts[i] == start) return i;
        return -1;
    }
}
