using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace MuseBot.Core.Understanding;

/// <summary>
/// Words to index terms with the same English analysis Lucene uses for BM25 (lower-case, possessive and stop words
/// removed, Porter stem), so that "spend", "spending" and "spends" are one term everywhere in the engine.
/// </summary>
public static class Terms
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Analyzer Shared = CreateAnalyzer();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> WordCache = new(StringComparer.Ordinal);

    public static Analyzer CreateAnalyzer() => new WordAnalyzer();

    /// <summary>The analyzed terms of a text, in order.</summary>
    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        using var stream = Shared.GetTokenStream("text", text);
        var attr = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attr.ToString());
        stream.End();
        return terms;
    }

    /// <summary>The terms of one word ("gpt-5.4" → "gpt", "5.4"); empty for a stop word. Cached.</summary>
    public static IReadOnlyList<string> OfWord(string word) => WordCache.GetOrAdd(word, w => Of(w));

    /// <summary>
    /// Two terms that are one word in forms the stemmer leaves apart: a comparative ("weak"/"weaker"), an irregular
    /// past that changes the last letter ("rebuild"/"rebuilt", "spend"/"spent"), or a noun of "-ance"/"-ence" on a
    /// short verb, whose suffix the stemmer strips only from longer stems ("guide"/"guidance", where it makes
    /// "perform" of "performance"). "mode" and "model" are not one word.
    /// </summary>
    public static bool NearStem(string a, string b)
    {
        if (a == b) return true;
        if (a.Length < 4 || b.Length < 4 || a.Any(char.IsDigit) || b.Any(char.IsDigit)) return false;
        var (s, l) = a.Length <= b.Length ? (a, b) : (b, a);
        if (l.StartsWith(s, StringComparison.Ordinal) && l[s.Length..] is "er" or "est" or "r" or "st" or "anc" or "enc")
            return true;
        return s.Length == l.Length && s.Length >= 5 && s[..^1] == l[..^1];
    }

    /// <summary>
    /// Lucene's English analysis (its <see cref="EnglishAnalyzer"/> chain, step for step), except that an ampersand
    /// between letters joins them: "R&amp;D", "P&amp;L" and "Q&amp;A" are one word each, as <see cref="Tokens"/> cuts
    /// them, not the letters "r" and "d" that say nothing. The ampersand becomes an underscore, which the standard
    /// tokenizer keeps inside a word.
    /// </summary>
    private sealed class WordAnalyzer : Analyzer
    {
        private static readonly Regex JoiningAmpersand = new(@"(?<=\p{L})&(?=\p{L})", RegexOptions.Compiled);

        // one character for one, so every offset holds without a char filter's corrections; Lucene's own string
        // reader reads an empty text as null
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            new StringReader(JoiningAmpersand.Replace(reader.ReadToEnd() ?? "", "_"));

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new StandardFilter(Version, source);
            result = new EnglishPossessiveFilter(Version, result);
            result = new LowerCaseFilter(Version, result);
            result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }
}
