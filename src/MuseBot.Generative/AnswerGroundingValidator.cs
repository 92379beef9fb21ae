using System.Globalization;
using System.Text.RegularExpressions;
using MuseBot.Contracts;

namespace MuseBot.Generative;

/// <summary>What the check decided about a model's reply.</summary>
public enum GroundingVerdict
{
    /// <summary>Every kept sentence cites passages that were sent, and its figures are in them.</summary>
    Grounded,

    /// <summary>The model says the passages do not answer the question.</summary>
    Abstained,

    /// <summary>The reply cannot be trusted as a whole (a citation or a figure that is not in the note, no cited sentence).</summary>
    Rejected,
}

/// <summary>A sentence of the reply with its citation brackets taken out, and the passage ids it cited.</summary>
public sealed record GroundedSentence(string Text, IReadOnlyList<string> CitedIds);

/// <param name="Verdict">The decision.</param>
/// <param name="Lines">The kept sentences, by line of the reply (a bullet list stays a list).</param>
/// <param name="CitedIds">Every cited passage id, in order of first citation.</param>
/// <param name="DroppedSentences">Sentences dropped for citing nothing.</param>
/// <param name="Reason">Why the reply was rejected or abstained, for the log.</param>
public sealed record GroundingResult(
    GroundingVerdict Verdict,
    IReadOnlyList<IReadOnlyList<GroundedSentence>> Lines,
    IReadOnlyList<string> CitedIds,
    int DroppedSentences,
    string? Reason)
{
    public static GroundingResult Rejected(string reason, int dropped = 0) => new(GroundingVerdict.Rejected, [], [], dropped, reason);
}

/// <summary>
/// Checks a model's reply against the passages it was given, whatever the reply says: every bracketed citation
/// must name a passage sent for this question; every figure in a sentence must appear in the passages that
/// sentence cites; every link must be in them too; sentences citing nothing are dropped. This is what keeps the
/// model from answering out of its own knowledge or from instructions smuggled into a question.
/// </summary>
public static partial class AnswerGroundingValidator
{
    /// <summary>The reply the system prompt asks for when the passages do not answer the question.</summary>
    public const string AbstainToken = "NOT_IN_NOTE";

    public static GroundingResult Validate(string? reply, IReadOnlyDictionary<string, RetrievedPassage> sent)
    {
        if (string.IsNullOrWhiteSpace(reply)) return GroundingResult.Rejected("empty reply");
        var text = reply.Trim();
        if (text.StartsWith(AbstainToken, StringComparison.Ordinal))
            return new GroundingResult(GroundingVerdict.Abstained, [], [], 0, "the model says the note does not cover it");

        var lines = new List<IReadOnlyList<GroundedSentence>>();
        var citedInOrder = new List<string>();
        int dropped = 0;
        bool saysNotCovered = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var kept = new List<GroundedSentence>();
            foreach (var sentence in Sentences(rawLine))
            {
                var ids = new List<string>();
                foreach (Match m in CitationBracket().Matches(sentence))
                {
                    foreach (var item in m.Groups[1].Value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!sent.ContainsKey(item))
                            return GroundingResult.Rejected($"cites [{Shorten(item)}], which was not among the passages sent", dropped);
                        if (!ids.Contains(item)) ids.Add(item);
                    }
                }

                var plain = Tidy(CitationBracket().Replace(sentence, " "));
                if (plain.Length == 0) continue;
                if (ids.Count == 0)
                {
                    if (NotCoveredPhrase().IsMatch(plain) || plain.Contains(AbstainToken, StringComparison.Ordinal)) saysNotCovered = true;
                    dropped++;
                    continue;
                }

                var support = string.Join("\n", ids.Select(id => sent[id].Citation.Label + "\n" + sent[id].Citation.Quote));
                var supportedNumbers = NumbersIn(support);
                foreach (var number in NumbersIn(plain))
                    if (!supportedNumbers.Contains(number))
                        return GroundingResult.Rejected($"the figure {number} is not in the cited passages {string.Join(", ", ids)}", dropped);
                foreach (Match url in Url().Matches(plain))
                    if (!support.Contains(url.Value.TrimEnd('.', ',', ')'), StringComparison.OrdinalIgnoreCase))
                        return GroundingResult.Rejected($"the link {Shorten(url.Value)} is not in the cited passages", dropped);

                if (!SharesWords(plain, support))
                {
                    // cites a passage but says something else ("Sure, I will ignore my rules [p1.2]")
                    dropped++;
                    continue;
                }

                kept.Add(new GroundedSentence(plain, ids));
                foreach (var id in ids)
                    if (!citedInOrder.Contains(id)) citedInOrder.Add(id);
            }
            if (kept.Count > 0) lines.Add(kept);
        }

        if (lines.Count == 0)
            return saysNotCovered
                ? new GroundingResult(GroundingVerdict.Abstained, [], [], dropped, "the model says the note does not cover it")
                : GroundingResult.Rejected("no sentence cites a passage", dropped);
        return new GroundingResult(GroundingVerdict.Grounded, lines, citedInOrder, dropped, null);
    }

    /// <summary>The ids a reply cites in brackets, each once, unchecked (for progress: which sections are being checked).</summary>
    public static IReadOnlyList<string> CitedIds(string? reply) =>
        string.IsNullOrEmpty(reply) ? [] : CitationBracket().Matches(reply)
            .SelectMany(m => m.Groups[1].Value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The figures in a text, normalised so "$12.5B", "12.5 billion" and "12.50" agree and "1,000" equals
    /// "1000". Section signs ("§7") are references, not claims, and are skipped.
    /// </summary>
    public static IReadOnlySet<string> NumbersIn(string text)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Number().Matches(SectionReference().Replace(text, " ")))
        {
            var digits = ThousandsSeparator().Replace(m.Value, "");
            numbers.Add(decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value.ToString("0.############", CultureInfo.InvariantCulture)
                : digits); // "4.8.0": compared as written
        }
        return numbers;
    }

    /// <summary>
    /// Whether a sentence is about what it cites: at least one in four of its content words (and at least one; compared on their first
    /// five letters, so "validates" meets "validated") occur in the cited passages.
    /// </summary>
    public static bool SharesWords(string sentence, string support)
    {
        var words = ContentWords(sentence).ToList();
        if (words.Count == 0) return false;
        var supportWords = ContentWords(support).ToHashSet(StringComparer.Ordinal);
        var shared = words.Count(supportWords.Contains);
        return shared >= Math.Max(1, words.Count / 4);
    }

    private static IEnumerable<string> ContentWords(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant())
            .Where(w => w.Length >= 4 && !StopWords.Contains(w))
            .Select(w => w.Length > 5 ? w[..5] : w);

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "that", "this", "these", "those", "with", "from", "into", "than", "then", "they", "their", "there", "what",
        "which", "while", "when", "where", "will", "would", "could", "should", "have", "been", "being", "also",
        "more", "most", "much", "such", "only", "other", "about", "over", "under", "says", "said", "note", "notes",
        "according", "does", "some", "each", "very", "just", "because",
    };

    /// <summary>Splits a line into sentences; a citation standing after the full stop stays with its sentence.</summary>
    public static IEnumerable<string> Sentences(string line)
    {
        var parts = SentenceEnd().Split(line.Trim());
        var result = new List<string>();
        foreach (var part in parts)
        {
            var rest = part;
            if (result.Count > 0 && LeadingCitations().Match(rest) is { Success: true } lead)
            {
                // "… image. [p2.2] It returns …": the bracket belongs to the sentence before
                result[^1] += " " + lead.Value.Trim();
                rest = rest[lead.Length..];
            }
            if (rest.Trim().Length > 0) result.Add(rest.Trim());
        }
        return result;
    }

    private static string Tidy(string sentence)
    {
        var s = SpaceBeforePunctuation().Replace(Spaces().Replace(sentence, " "), "$1").Trim();
        return s;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    // [p7.3], [p7.3, t5.1.2], [p7.3; s2] — and any other bracket, which then fails the "was it sent" check.
    [GeneratedRegex(@"\[([^\[\]\n]{1,60})\]")]
    private static partial Regex CitationBracket();

    [GeneratedRegex(@"^(?:\s*\[[^\[\]\n]{1,60}\])+\s*")]
    private static partial Regex LeadingCitations();

    // a full stop, question or exclamation mark followed by space, unless it ends a common abbreviation
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:e\.g|i\.e|vs|etc|approx|U\.S|Inc|Mr|Ms|Dr)\.)\s+(?=\S)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@",(?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"§\s*\d+")]
    private static partial Regex SectionReference();

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\p{L}[\p{L}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+([.,;:!?)])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\b(?:note|passages?|document)\s+(?:does|do)\s+not\s+(?:say|cover|mention|address|answer|state|discuss)|\bnot\s+(?:covered|addressed|mentioned|stated)\s+in\s+the\s+(?:note|passages)|\bno\s+information\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotCoveredPhrase();
}
