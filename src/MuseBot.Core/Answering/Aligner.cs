using System.Text.RegularExpressions;
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
/// the weighted share of the question a unit meets; the words left unmet make a refusal specific. The note's word
/// vectors sit in one matrix, so aligning a question with every unit is one pass over it.
/// </summary>
public sealed partial class Aligner
{
    private readonly NoteIndex _index;
    private readonly EngineTuning _tuning;
    private readonly float[]? _matrix;        // every unit's word vectors, one row per word, units one after another
    private readonly int[] _unitStart = [];   // the first row of each unit (and one past the last, at the end)
    private readonly int[] _rowOffset = [];   // each row's word offset in its unit's text
    private readonly Dictionary<string, int>[] _firstOffset; // per unit: term → offset of the first word carrying it
    private readonly Dictionary<string, string[]> _termsByPrefix; // the note's terms by their first letters (see FormsOf)
    private readonly Dictionary<decimal, string[]> _numbersByValue; // the note's terms that are plain numbers, by value ("2.0" → 2)
    private readonly int[][] _actAt;          // per family of one-act verbs, per unit: where its first such verb stands (-1: none)
    private readonly (HashSet<string> Led, int At)[][] _led;  // per unit: each thing it names with its leader ("Works under Dana"), and where
    private readonly int[] _subjectAt;        // per unit: where it first calls the note's subject "the company" (-1: never)

    public Aligner(NoteIndex index, EncoderModel? alignmentModel, EngineTuning tuning)
    {
        _index = index;
        _tuning = tuning;
        var units = index.Model.Units;
        _firstOffset = units.Select(u =>
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var w in u.Words)
                foreach (var t in w.Terms) first.TryAdd(t, w.Start);
            return first;
        }).ToArray();
        _actAt = Language.English.OneActWords.Select(family =>
            units.Select(u => u.Words.FirstOrDefault(w => family.Said.Contains(w.Text.ToLowerInvariant()))?.Start ?? -1).ToArray()).ToArray();
        _led = units.Select(u => Language.English.LeadersIn(u.Text).Select(l => (Terms.OfWord(l.Led.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal), l.At)).ToArray()).ToArray();
        _subjectAt = units.Select(u => index.Model.Subject is not null && Language.English.TheCompanyRegex().Match(u.Text) is { Success: true } m
            ? m.Index : -1).ToArray();
        _termsByPrefix = _firstOffset.SelectMany(d => d.Keys).Distinct().GroupBy(PrefixOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _numbersByValue = _firstOffset.SelectMany(d => d.Keys).Distinct().Select(t => (Term: t, Value: NumberOf(t)))
            .Where(x => x.Value is not null).GroupBy(x => x.Value!.Value).ToDictionary(g => g.Key, g => g.Select(x => x.Term).ToArray());

        if (index.Vectors(alignmentModel) is not { } vectors) return;
        _unitStart = new int[units.Count + 1];
        for (int u = 0; u < units.Count; u++) _unitStart[u + 1] = _unitStart[u] + vectors[u].WordVectors.Length;
        _matrix = new float[_unitStart[^1] * TextEncoder.Dimensions];
        _rowOffset = new int[_unitStart[^1]];
        for (int u = 0; u < units.Count; u++)
            for (int j = 0; j < vectors[u].WordVectors.Length; j++)
            {
                vectors[u].WordVectors[j].CopyTo(_matrix, (_unitStart[u] + j) * TextEncoder.Dimensions);
                _rowOffset[_unitStart[u] + j] = vectors[u].Starts[j];
            }
    }

    public bool Soft => _matrix is not null;

    /// <summary>Which family of <see cref="Language.English.OneActWords"/> a word asked is of; -1 for none.</summary>
    private static int ActFamily(string lowerWord)
    {
        for (int k = 0; k < Language.English.OneActWords.Count; k++)
            if (Language.English.OneActWords[k].Asked.Contains(lowerWord)) return k;
        return -1;
    }

    /// <summary>Per unit (by index) and per focus word of <paramref name="q"/>, its match.</summary>
    public WordMatch[][] AlignAll(QuestionFrame q, QuestionEncoding encoding)
    {
        var units = _index.Model.Units;
        var focus = q.Focus;
        // each focus term with the note's terms that are another form of it ("rebuild" → "rebuilt"), found once
        var forms = focus.Select(f => f.Terms.Select(FormsOf).ToArray()).ToArray();
        var similarity = Similarities(focus, encoding.Words);
        // the family of one-act verbs each focus word belongs to (-1: none)
        var act = focus.Select(f => ActFamily(f.Word.ToLowerInvariant())).ToArray();
        // the compared things each focus word names, of those the question asks about ("widget" of "Acme Widget")
        var namedPeers = focus.Select(f => q.Peers.Where(p => p.NameWords.Contains(f.Key)).ToList()).ToArray();
        // "who runs the works?": the verb of leading is met where a unit names the leader of a thing the question
        // names, in its own words ("Acme Works under Dana"); the terms of those things, for a verb of leading
        var led = focus.Select(f => q.Type == AnswerType.Person && Language.English.LeadingVerbs.Contains(f.Word.ToLowerInvariant())
                                    && !RunsOnRegex().IsMatch(q.Text[(f.Start + f.Word.Length)..])
            ? focus.Where(o => o != f && !o.IsFrame).SelectMany(o => o.Terms).ToHashSet(StringComparer.Ordinal) : null).ToArray();

        // "who built Zeta?", "who is behind it?": the verb of making is met where a unit opens with the thing asked and says
        // what it comes from ("Zeta, … the first product from Acme Works")
        var made = focus.Select(f => (q.Type == AnswerType.Person || WhoFirstRegex().IsMatch(q.Text)) && Language.English.MakingVerbs.Contains(f.Word.ToLowerInvariant())
            ? focus.Where(o => o != f && !o.IsFrame).SelectMany(o => o.Terms).ToHashSet(StringComparer.Ordinal) : null).ToArray();
        // a figure asked with its scale ("15-20B", "2.5bn") is said where the unit gives the same value, however
        // written ("$15B-$20B")
        var askedFigures = Quantities.FiguresIn(q.Text);
        var figure = focus.Select(f => askedFigures.FirstOrDefault(x => x.Kind != FigureKind.Number && x.Start <= f.Start && x.End >= f.Start + f.Word.Length)).ToArray();

        var result = new WordMatch[units.Count][];
        for (int u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            var matches = new WordMatch[focus.Count];
            for (int i = 0; i < focus.Count; i++)
            {
                var f = focus[i];
                if (ExactOffset(forms[i], _firstOffset[u]) is var exact and >= 0 && !IsStemCollision(f, unit, u, exact, similarity[i]))
                {
                    matches[i] = new WordMatch(1, exact, true);
                    continue;
                }
                if (figure[i] is { } asked && unit.Figures.FirstOrDefault(said => FigureAttachment.SameFigure(asked, said)) is { } same)
                {
                    matches[i] = new WordMatch(1, same.Start, true);
                    continue;
                }
                // … and a word that names an asked compared thing is said where the unit names that thing by any of its
                // names ("did the widget close the gap?" of "Acme looks close behind", Acme being Acme Widget)
                if (IsAliasOfUnitPeer(f, unit) || (namedPeers[i].Count > 0 && unit.Peers.Any(namedPeers[i].Contains)))
                {
                    matches[i] = new WordMatch(1, -1, true);
                    continue;
                }
                // the note's subject is said where the unit calls it "the company", as a question may
                if (f.IsSubject && _subjectAt[u] >= 0)
                {
                    matches[i] = new WordMatch(1, _subjectAt[u], true);
                    continue;
                }
                // a name is said where the unit opens with a pronoun that stands for it ("Its 2025 framework …" after a
                // sentence naming Acme)
                if (f.IsName && f.Terms.Count > 0 && f.Terms.All(unit.AntecedentNameTerms.Contains))
                {
                    matches[i] = new WordMatch(1, unit.Words[0].Start, true);
                    continue;
                }
                double best = f.Terms.All(unit.ContextTerms.Contains) ? _tuning.ContextMatch : 0;
                int offset = -1;
                // a verb of one act is met by the unit's own of the same ("buy" by "invested", "released" by
                // "launched"), as a word of its context is
                if (act[i] >= 0 && _actAt[act[i]][u] >= 0 && _tuning.ContextMatch > best)
                    (best, offset) = (_tuning.ContextMatch, _actAt[act[i]][u]);
                // … or where the unit names a thing the question names beside a leader of what made it ("Zeta Widget, the
                // first product from Acme Works under Dana")
                if (led[i] is { } things && _tuning.ContextMatch > best && LeaderOf(u, things) is { } leaderAt)
                    (best, offset) = (_tuning.ContextMatch, leaderAt);
                if (made[i] is { } madeThings && _tuning.ContextMatch > best && MakerOf(u, madeThings) is { } makerAt)
                    (best, offset) = (_tuning.ContextMatch, makerAt);
                if (similarity[i] is { } sims)
                    for (int row = _unitStart[u]; row < _unitStart[u + 1]; row++)
                        if (sims[row] > best) { best = sims[row]; offset = _rowOffset[row]; }
                matches[i] = new WordMatch(Math.Max(0, best), offset, false);
            }
            result[u] = matches;
        }
        return result;
    }

    /// <summary>Where unit <paramref name="u"/> names the leader of one of <paramref name="things"/> ("Works under
    /// Dana"), or, where one of them is what the unit is about (said first), the leader of what made it ("Zeta Widget,
    /// the first product from Acme Works under Dana"); null where it names none.</summary>
    private int? LeaderOf(int u, HashSet<string> things)
    {
        if (_led[u].Length == 0) return null;
        if (_led[u].FirstOrDefault(l => l.Led.Overlaps(things)) is { Led: not null } led) return led.At;
        var unit = _index.Model.Units[u];
        foreach (var (_, at) in _led[u])
            if (MadeByRegex().IsMatch(unit.Text[..at]) && OpensWith(unit, things)) return at;
        return null;
    }

    /// <summary>The unit is about one of <paramref name="things"/>: it says it in its first two words.</summary>
    private static bool OpensWith(NoteUnit unit, HashSet<string> things) => unit.Words.Take(2).Any(w => w.Terms.Any(things.Contains));

    /// <summary>Where unit <paramref name="u"/>, opening with one of <paramref name="things"/> (said in its first two
    /// words), names what it comes from ("… from Acme Works", "… by Acme"); null where it does not.</summary>
    private int? MakerOf(int u, HashSet<string> things)
    {
        var unit = _index.Model.Units[u];
        if (!OpensWith(unit, things)) return null;
        return MadeByNameRegex().Match(unit.Text) is { Success: true } m ? m.Groups["maker"].Index : null;
    }

    [GeneratedRegex(@"^\W*who\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhoFirstRegex();

    [GeneratedRegex(@"\b(?:from|by)\s+(?<maker>\p{Lu}[\p{L}\d.'’-]*)")]
    private static partial Regex MadeByNameRegex();

    // "… from Acme Works under Dana": the led thing is what the unit's thing comes from, its maker
    [GeneratedRegex(@"\b(?:from|by)\s+(?:\p{Lu}[\p{L}\d.'’-]*\s+)*$")]
    private static partial Regex MadeByRegex();

    // "whose chips is Zeta running on?": running on a thing is working on it, not leading it
    [GeneratedRegex(@"^\s+on\b")]
    private static partial Regex RunsOnRegex();

    /// <summary>
    /// A word met by another word of the same stem ("conversions" by "conversational", "rating" by "rate") is the
    /// same word only when their contextual vectors agree: stemming strips derivations as well as inflections, and
    /// the two can mean unrelated things. With no vectors, every stem match stands.
    /// </summary>
    private bool IsStemCollision(FocusWord f, NoteUnit unit, int unitIndex, int offset, float[]? sims)
    {
        var said = unit.Words.FirstOrDefault(w => w.Start == offset);
        if (said is null || string.Equals(Language.English.WithoutPossessive(said.Text.ToLowerInvariant()),
                Language.English.WithoutPossessive(f.Word.ToLowerInvariant()), StringComparison.Ordinal)) return false;
        if (DerivesFromCompoundPart(f.Word, said.Text)) return true;
        if (sims is null) return false;
        for (int row = _unitStart[unitIndex]; row < _unitStart[unitIndex + 1]; row++)
            if (_rowOffset[row] == offset) return sims[row] < _tuning.StemCollisionBelow;
        return false;
    }

    /// <summary>
    /// "rating" met by the "rate" of "run-rate": a word longer than the part of a hyphenated compound it shares a stem
    /// with, and not that part's plural, is a derivation of the part ("rating", "rated"), a thing of its own, where
    /// the compound is one name ("run-rate"). A part said alone ("rate", "rates"), or the whole, still meets it.
    /// </summary>
    private static bool DerivesFromCompoundPart(string asked, string said)
    {
        if (!said.Contains('-')) return false;
        var word = Language.English.WithoutPossessive(asked.ToLowerInvariant());
        var whole = Language.English.WithoutPossessive(said.ToLowerInvariant());
        if (word == whole + "s" || word.Replace("-", "") == whole.Replace("-", "")) return false;
        var parts = whole.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var stems = Terms.OfWord(word);
        if (stems.Count == 0) return false;
        var stem = stems[0];
        var part = parts.FirstOrDefault(p => Terms.OfWord(p).Contains(stem));
        return part is not null && word.Length > part.Length && word != part + "s" && word != part + "es";
    }

    /// <summary>A term with the note's terms that are another form of it ("rebuild" → "rebuilt"). Two forms share all
    /// but their last letter or two (<see cref="Terms.NearStem"/>), so only the note's terms with the same first
    /// letters are compared. A plain number is one with the note's numbers of the same value written as fully ("widgetbench
    /// 2" asks of "WidgetBench 2.0"; "2.0" is not the "2" of "Zeta-2").</summary>
    private string[] FormsOf(string term) =>
        NumberOf(term) is { } value
            ? _numbersByValue.TryGetValue(value, out var same) ? same.Where(n => n.Length >= term.Length).Prepend(term).Distinct().ToArray() : [term]
            : _termsByPrefix.TryGetValue(PrefixOf(term), out var near)
                ? near.Where(n => Terms.NearStem(term, n)).Prepend(term).Distinct().ToArray()
                : [term];

    /// <summary>The value of a term that is a plain number ("2", "2.0", "81"); null for any other ("2b", "gpt").</summary>
    private static decimal? NumberOf(string term) =>
        term.Length > 0 && char.IsAsciiDigit(term[0]) && term.All(c => char.IsAsciiDigit(c) || c == '.')
        && decimal.TryParse(term, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string PrefixOf(string term) => term.Length <= 3 ? term : term[..3];

    /// <summary>For each focus word, its contextual similarity to every word of the note (null without vectors).</summary>
    private float[]?[] Similarities(IReadOnlyList<FocusWord> focus, EncodedText? words)
    {
        var result = new float[]?[focus.Count];
        if (_matrix is null || words is null) return result;
        int rows = _rowOffset.Length, d = TextEncoder.Dimensions;
        var asked = new List<(float[] Vector, float[] Sims)>();
        for (int i = 0; i < focus.Count; i++)
        {
            int w = IndexOf(words, focus[i].Start);
            if (w < 0) continue;
            result[i] = new float[rows];
            asked.Add((words.WordVectors[w], result[i]!));
        }
        // one pass over the note's matrix, each row dotted with every question word while it is in cache: the
        // matrix is larger than the cache, so a pass per word would read it from memory once per word
        for (int row = 0; row < rows; row++)
        {
            var vector = _matrix.AsSpan(row * d, d);
            foreach (var (qv, sims) in asked) sims[row] = TextEncoder.Dot(qv, vector);
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

    /// <summary>
    /// The offset of the unit's word that is the focus word in some form: when every term of the focus word is in
    /// the unit, the latest of its terms' first places ("GadgetEval-Max" is met where "gadgeteval" is, not at the
    /// "Max" of another name before it); -1 when a term is missing.
    /// </summary>
    private static int ExactOffset(string[][] forms, Dictionary<string, int> firstOffset)
    {
        int offset = -1;
        foreach (var termForms in forms)
        {
            int at = -1;
            foreach (var form in termForms)
                if (firstOffset.TryGetValue(form, out var o) && (at < 0 || o < at)) at = o;
            if (at < 0) return -1;
            offset = Math.Max(offset, at);
        }
        return offset < 0 ? 0 : offset;
    }

    /// <summary>A maker named in a question ("Acme Inc") meets a unit about its product ("Acme Widget") when the note ties the two together.</summary>
    private static bool IsAliasOfUnitPeer(FocusWord f, NoteUnit unit) =>
        unit.Peers.Count > 0 && unit.Peers.Any(p => p.Aliases.Contains(f.Key));

    private static int IndexOf(EncodedText e, int start)
    {
        for (int i = 0; i < e.WordStarts.Count; i++)
            if (e.WordStarts[i] == start) return i;
        return -1;
    }
}
